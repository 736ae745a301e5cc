import { describe, expect, it } from 'vitest'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  if (typeof value === 'string') out.set(prefix, value)
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v)
    }
  }
  return out
}

describe('translations', () => {
  const english = leaves(en)
  const chinese = leaves(zhCN)

  it('Simplified Chinese has every English key and no extra ones', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it('no string is empty and interpolations match', () => {
    for (const [key, text] of english) {
      const zh = chinese.get(key) ?? ''
      expect(text.trim(), key).not.toBe('')
      expect(zh.trim(), key).not.toBe('')
      const vars = (s: string): string[] =>
        [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort()
      expect(vars(zh), key).toEqual(vars(text))
    }
  })
})
