import { describe, expect, it } from 'vitest'
import {
  TypeAheadBuffer,
  typeAheadChar
} from '../../../../src/renderer/src/features/library/type-ahead'
import { matchShortcut } from '../../../../src/renderer/src/features/shortcuts/shortcut-map'

// Issue 13: which keys the list's type-ahead takes, and when a word ends.

const key = (k: string, mods: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  ...mods
})

describe('type-ahead keys', () => {
  it('takes one printable character, any script, without Ctrl, Cmd or Alt', () => {
    expect(typeAheadChar(key('a'), false)).toBe('a')
    expect(typeAheadChar(key('F'), false)).toBe('F')
    expect(typeAheadChar(key('7'), false)).toBe('7')
    expect(typeAheadChar(key('夜'), false)).toBe('夜')
    expect(typeAheadChar(key('l', { ctrlKey: true }), false)).toBeNull()
    expect(typeAheadChar(key('a', { metaKey: true }), true)).toBeNull()
    expect(typeAheadChar(key('a', { altKey: true }), true)).toBeNull()
    // Named keys, and an IME's keys while it composes.
    for (const named of ['Enter', 'ArrowDown', 'Process', 'Dead', 'Tab', 'Escape']) {
      expect(typeAheadChar(key(named), true)).toBeNull()
    }
  })

  it('Space, / and ? belong to a word only while one is being typed', () => {
    for (const k of [' ', '/', '?']) {
      expect(typeAheadChar(key(k), false)).toBeNull()
      expect(typeAheadChar(key(k), true)).toBe(k)
    }
  })

  it('a pause of a second starts a new word; the word is bounded like the bridge', () => {
    const buffer = new TypeAheadBuffer(1000)
    expect(buffer.active(0)).toBe(false)
    expect(buffer.push('c', 0)).toBe('c')
    expect(buffer.push('i', 999)).toBe('ci')
    expect(buffer.active(1998)).toBe(true)
    expect(buffer.active(1999)).toBe(false)
    expect(buffer.push('z', 1999)).toBe('z')
    for (let i = 0; i < 150; i++) buffer.push('x', 2000 + i)
    expect(buffer.push('x', 3000).length).toBe(100)
  })

  it('Ctrl/Cmd+L favourites everywhere; plain F still does outside the list', () => {
    const ev = (
      k: string,
      mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}
    ) => ({
      key: k,
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      ...mods
    })
    expect(matchShortcut(ev('l', { ctrlKey: true }))).toBe('favorite')
    expect(matchShortcut(ev('l', { metaKey: true }))).toBe('favorite')
    expect(matchShortcut(ev('l'))).toBeNull()
    expect(matchShortcut(ev('f'))).toBe('favorite')
    expect(matchShortcut(ev('f', { ctrlKey: true }))).toBeNull()
    expect(matchShortcut(ev(' ', { ctrlKey: true }))).toBeNull()
  })
})
