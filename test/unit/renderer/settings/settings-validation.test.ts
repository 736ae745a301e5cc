import { describe, expect, it } from 'vitest'
import {
  validateBaseUrl,
  validateConcurrency,
  validatePollInterval,
  validateTagText
} from '../../../../src/renderer/src/features/settings/settings-validation'

describe('settings validation', () => {
  it('the gateway must be https; plain http only on this computer', () => {
    expect(validateBaseUrl('https://api.example.com')).toBeNull()
    expect(validateBaseUrl('https://api.example.com/v1/')).toBeNull()
    expect(validateBaseUrl('http://localhost:3000')).toBeNull()
    expect(validateBaseUrl('http://127.0.0.1:8080')).toBeNull()
    expect(validateBaseUrl('http://[::1]:8080')).toBeNull()
    expect(validateBaseUrl('http://api.example.com')).toBe('urlHttps')
    expect(validateBaseUrl('http://192.168.1.5')).toBe('urlHttps')
    expect(validateBaseUrl('ftp://api.example.com')).toBe('urlMalformed')
    expect(validateBaseUrl('api.example.com')).toBe('urlMalformed')
    expect(validateBaseUrl('https://me:secret@api.example.com')).toBe('urlNoCredentials')
    expect(validateBaseUrl('https://api.example.com/?key=1')).toBe('urlQuery')
    expect(validateBaseUrl('   ')).toBeNull()
  })

  it('poll interval 5–3600 s and 1–8 downloads, whole numbers only', () => {
    expect(validatePollInterval('20')).toBeNull()
    expect(validatePollInterval('4')).toBe('pollRange')
    expect(validatePollInterval('3601')).toBe('pollRange')
    expect(validatePollInterval('2.5')).toBe('whole')
    expect(validatePollInterval('')).toBe('pollRange')
    expect(validateConcurrency('1')).toBeNull()
    expect(validateConcurrency('8')).toBeNull()
    expect(validateConcurrency('0')).toBe('concurrencyRange')
    expect(validateConcurrency('9')).toBe('concurrencyRange')
    expect(validateConcurrency('-2')).toBe('concurrencyRange')
  })

  it('ID3 artist and album cannot be empty', () => {
    expect(validateTagText('Suno')).toBeNull()
    expect(validateTagText('  ')).toBe('required')
    expect(validateTagText('x'.repeat(201))).toBe('tooLong')
  })
})
