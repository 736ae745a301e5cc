import i18next from 'i18next'
import { describe, expect, it, onTestFinished } from 'vitest'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import { initI18n } from '../../../src/renderer/src/i18n'

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
        [...s.matchAll(/{{\s*(\w+)\s*(?:,[^}]*)?}}/g)].map((m) => m[1] ?? '').sort()
      expect(vars(zh), key).toEqual(vars(text))
    }
  })

  // Issue 13, defect 12: "Queue 100000 songs" beside "100,000" elsewhere. Every count goes
  // through i18next's number format, so it is grouped the way the language writes numbers.
  it('every count is formatted as a number, never interpolated raw', () => {
    for (const [key, text] of [...english, ...chinese]) {
      expect(text, key).not.toMatch(/{{\s*count\s*}}/)
    }
  })

  it('a large count reads 100,000 in both languages', async () => {
    initI18n('en')
    expect(i18next.t('player.queue.count', { count: 100000 })).toBe('100,000 songs')
    await i18next.changeLanguage('zh-CN')
    onTestFinished(() => void i18next.changeLanguage('en'))
    expect(i18next.t('player.queue.count', { count: 100000 })).toContain('100,000')
  })
})
