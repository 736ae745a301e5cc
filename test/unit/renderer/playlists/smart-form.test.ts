import { describe, expect, it } from 'vitest'
import { smartRule } from '../../../../src/shared/playlist-schemas'
import {
  EMPTY_FORM,
  formToRule,
  PRESETS,
  ruleToForm
} from '../../../../src/renderer/src/features/playlists/smart-form'

describe('the smart playlist form and its saved rule', () => {
  it('keeps only what narrows the list, in the shape the bridge accepts', () => {
    const rule = formToRule({
      ...EMPTY_FORM,
      search: '  rain ',
      userTags: 'night, drive, night, ',
      favorite: true,
      vocals: 'vocals',
      addedWithinDays: '30',
      minPlays: '2.7',
      durationMin: 'abc',
      durationMax: '-4',
      limit: '0'
    })
    expect(rule).toEqual({
      filter: { search: 'rain', userTags: ['night', 'drive'], favorite: true, instrumental: false },
      addedWithinDays: 30,
      minPlays: 2,
      sort: 'added',
      dir: 'desc'
    })
    expect(smartRule.safeParse(rule).success).toBe(true)
  })

  it('shows every preset again as it was saved', () => {
    for (const preset of Object.values(PRESETS)) {
      expect(formToRule(ruleToForm(preset))).toEqual({ sort: 'added', dir: 'desc', ...preset })
      expect(smartRule.safeParse(formToRule(ruleToForm(preset))).success).toBe(true)
    }
  })
})
