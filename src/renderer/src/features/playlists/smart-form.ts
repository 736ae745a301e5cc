import type { SortDir, SortKey } from '../../../../shared/domain'
import type { SmartRule } from '../../../../shared/playlists'
import { SMART_PRESETS } from '../../../../shared/playlists'

// The smart playlist editor's form and the saved rule it stands for (issue 15). The form
// holds what the user typed (strings for numbers, so a half-typed value is not lost);
// `formToRule` keeps only what narrows the list, `ruleToForm` shows a saved rule again.

export interface SmartForm {
  search: string
  styleTag: string
  model: string
  /** Comma-separated; every one of them must be on the clip. */
  userTags: string
  favorite: boolean
  hasVideo: boolean
  vocals: 'any' | 'vocals' | 'instrumental'
  addedWithinDays: string
  playedWithinDays: string
  neverPlayed: boolean
  minPlays: string
  /** Seconds. */
  durationMin: string
  durationMax: string
  sort: SortKey
  dir: SortDir
  limit: string
}

export const EMPTY_FORM: SmartForm = {
  search: '',
  styleTag: '',
  model: '',
  userTags: '',
  favorite: false,
  hasVideo: false,
  vocals: 'any',
  addedWithinDays: '',
  playedWithinDays: '',
  neverPlayed: false,
  minPlays: '',
  durationMin: '',
  durationMax: '',
  sort: 'added',
  dir: 'desc',
  limit: ''
}

export type PresetName = 'neverPlayed' | 'mostPlayed' | 'favouritesWithVocals'

export const PRESETS: Readonly<Record<PresetName, SmartRule>> = {
  neverPlayed: SMART_PRESETS.neverPlayed,
  mostPlayed: SMART_PRESETS.mostPlayed,
  favouritesWithVocals: {
    filter: { favorite: true, instrumental: false },
    addedWithinDays: 30,
    sort: 'added',
    dir: 'desc'
  }
}

/** A non-negative number typed in a field, or undefined when empty or not a number. */
function numberOf(text: string, integer = false): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  const value = Number(trimmed)
  if (!Number.isFinite(value) || value < 0) return undefined
  return integer ? Math.floor(value) : value
}

export function formToRule(form: SmartForm): SmartRule {
  const filter: SmartRule['filter'] = {}
  if (form.search.trim()) filter.search = form.search.trim()
  if (form.styleTag.trim()) filter.styleTag = form.styleTag.trim()
  if (form.model.trim()) filter.model = form.model.trim()
  const tags = form.userTags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)
  if (tags.length > 0) filter.userTags = [...new Set(tags)]
  if (form.favorite) filter.favorite = true
  if (form.hasVideo) filter.hasVideo = true
  if (form.vocals !== 'any') filter.instrumental = form.vocals === 'instrumental'
  const durationMin = numberOf(form.durationMin)
  const durationMax = numberOf(form.durationMax)
  if (durationMin !== undefined) filter.durationMin = durationMin
  if (durationMax !== undefined) filter.durationMax = durationMax
  const rule: SmartRule = { filter, sort: form.sort, dir: form.dir }
  const added = numberOf(form.addedWithinDays)
  const played = numberOf(form.playedWithinDays)
  const minPlays = numberOf(form.minPlays, true)
  const limit = numberOf(form.limit, true)
  if (added !== undefined) rule.addedWithinDays = added
  if (played !== undefined) rule.playedWithinDays = played
  if (form.neverPlayed) rule.neverPlayed = true
  if (minPlays !== undefined && minPlays > 0) rule.minPlays = minPlays
  if (limit !== undefined && limit > 0) rule.limit = limit
  return rule
}

const text = (value: number | undefined): string => (value === undefined ? '' : String(value))

export function ruleToForm(rule: SmartRule): SmartForm {
  const f = rule.filter
  return {
    search: f.search ?? '',
    styleTag: f.styleTag ?? '',
    model: f.model ?? '',
    userTags: (f.userTags ?? []).join(', '),
    favorite: f.favorite === true,
    hasVideo: f.hasVideo === true,
    vocals: f.instrumental === undefined ? 'any' : f.instrumental ? 'instrumental' : 'vocals',
    addedWithinDays: text(rule.addedWithinDays),
    playedWithinDays: text(rule.playedWithinDays),
    neverPlayed: rule.neverPlayed === true,
    minPlays: text(rule.minPlays),
    durationMin: text(f.durationMin),
    durationMax: text(f.durationMax),
    sort: rule.sort ?? 'added',
    dir: rule.dir ?? 'desc',
    limit: text(rule.limit)
  }
}
