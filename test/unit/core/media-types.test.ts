import { describe, expect, it } from 'vitest'
import {
  expectedTypes,
  matchesKind,
  sniffMedia,
  typeForExtension
} from '../../../src/main/core/media-types'
import { fixture } from './sync/cdn-server'

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values)
const text = (value: string): Uint8Array => new TextEncoder().encode(value)

describe('sniffMedia', () => {
  it.each([
    ['tiny.mp3', 'mp3', 'audio/mpeg', 'mp3'],
    ['long.mp3', 'mp3', 'audio/mpeg', 'mp3'],
    ['tiny.mp4', 'mp4', 'video/mp4', 'mp4'],
    ['seek.mp4', 'mp4', 'video/mp4', 'mp4'],
    ['cover.jpg', 'jpeg', 'image/jpeg', 'jpg'],
    ['cover.png', 'png', 'image/png', 'png'],
    ['cover.webp', 'webp', 'image/webp', 'webp']
  ])('recognises the real %s', (name, type, mime, ext) => {
    expect(sniffMedia(fixture(name).subarray(0, 64))).toEqual({ type, mime, ext })
  })

  it('recognises an mp3 without an ID3 tag by its MPEG frame header', () => {
    // MPEG-1 layer III, 128 kbps, 44.1 kHz.
    expect(sniffMedia(bytes(0xff, 0xfb, 0x90, 0x64)).type).toBe('mp3')
  })

  it.each([
    ['ADTS AAC (layer 00)', bytes(0xff, 0xf1, 0x50, 0x80)],
    ['reserved MPEG version', bytes(0xff, 0xea, 0x90, 0x00)],
    ['bad bitrate index', bytes(0xff, 0xfb, 0xf0, 0x00)],
    ['two bytes only', bytes(0xff, 0xfb)],
    ['nothing at all', bytes()],
    ['zeros', new Uint8Array(64)],
    ['RIFF but WAVE', text('RIFF\u0000\u0000\u0000\u0000WAVEfmt ')],
    ['plain text', text('Access denied')]
  ])('calls %s unknown', (_label, head) => {
    expect(sniffMedia(head)).toEqual({ type: 'unknown' })
  })

  it.each([
    '<!DOCTYPE html>',
    '<html>',
    '   \r\n\t<html>',
    '\ufeff<!doctype html>',
    '<?xml version="1.0"?>'
  ])('calls %j a web page', (value) => {
    expect(sniffMedia(text(value))).toEqual({ type: 'html' })
  })

  it.each(['{"error":"x"}', '\ufeff  [1,2]', '\n{'])('calls %j JSON', (value) => {
    expect(sniffMedia(text(value))).toEqual({ type: 'json' })
  })
})

describe('expectedTypes and matchesKind', () => {
  it('allows only mp3 for audio, mp4 for video and the three image types for covers', () => {
    expect(expectedTypes('audio')).toEqual(['mp3'])
    expect(expectedTypes('video')).toEqual(['mp4'])
    expect(expectedTypes('cover')).toEqual(['jpeg', 'png', 'webp'])
  })

  it('refuses a cover where a song belongs and a page anywhere', () => {
    const jpeg = sniffMedia(fixture('cover.jpg'))
    expect(matchesKind(jpeg, 'cover')).toBe(true)
    expect(matchesKind(jpeg, 'audio')).toBe(false)
    expect(matchesKind({ type: 'html' }, 'cover')).toBe(false)
  })
})

describe('typeForExtension', () => {
  it.each([
    ['.mp3', 'mp3'],
    ['MP4', 'mp4'],
    ['.jpeg', 'jpeg'],
    ['.JPG', 'jpeg'],
    ['.png', 'png'],
    ['webp', 'webp'],
    ['.html', null],
    ['.svg', null],
    ['', null]
  ])('%j → %s', (ext, type) => {
    expect(typeForExtension(ext)).toBe(type)
  })
})
