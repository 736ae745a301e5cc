// Lenient readers for single gateway values. Everything the gateway sends is untrusted
// (GATEWAY.md#values), so each reader takes `unknown` and answers null rather
// than throwing.

export type Fields = Readonly<Record<string, unknown>>

/** The latest instant a JS Date can hold; anything beyond it is not a time. */
const MAX_DATE_MS = 8.64e15
/** 2000-01-01: Suno tasks are far younger, so anything earlier is garbage, not a time. */
const MIN_DATE_MS = 946_684_800_000
/** GATEWAY.md#values: task times are Unix seconds, but the sunoapi.org-style channel sends ms. */
const MS_THRESHOLD = 1e12

export function asFields(value: unknown): Fields | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : null
}

/** Reads an own data property without invoking getters or proxies' traps that throw. */
export function field(obj: Fields | null, key: string): unknown {
  if (obj === null) return undefined
  try {
    const descriptor = Object.getOwnPropertyDescriptor(obj, key)
    return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined
  } catch {
    return undefined
  }
}

/** Own enumerable keys, or none when a hostile object (e.g. a proxy) refuses to list them. */
export function keysOf(obj: Fields | null): string[] {
  if (obj === null) return []
  try {
    return Object.keys(obj)
  } catch {
    return []
  }
}

/** The first of `keys` whose value is neither undefined, null nor a blank string. */
export function firstOf(objects: readonly (Fields | null)[], keys: readonly string[]): unknown {
  for (const obj of objects) {
    for (const key of keys) {
      const value = field(obj, key)
      if (value === undefined || value === null) continue
      if (typeof value === 'string' && value.trim() === '') continue
      return value
    }
  }
  return undefined
}

/** A trimmed, non-empty string; finite numbers are accepted as text (ids are opaque). */
export function text(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return trimmed === '' ? null : trimmed
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/** Free text kept verbatim (lyrics, Chinese fail reasons); blank counts as absent. */
export function verbatim(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** A style string, or a tag array joined with ", " (one lyrics vendor, GATEWAY.md#clip-shapes). */
export function tagText(value: unknown): string | null {
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((part): part is string => part !== null)
    return parts.length > 0 ? parts.join(', ') : null
  }
  return text(value)
}

/** A finite number, or a numeric string (durations arrive as both, GATEWAY.md#values). */
export function numeric(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  if (
    trimmed === '' ||
    trimmed.length > 32 ||
    !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)
  ) {
    return null
  }
  const parsed = Number(trimmed)
  return Number.isFinite(parsed) ? parsed : null
}

/** Seconds of audio; negative values are nonsense and dropped. */
export function duration(value: unknown): number | null {
  const parsed = numeric(value)
  return parsed !== null && parsed >= 0 ? parsed : null
}

/** `"0%"`, `"100%"`, `"42"` or 42 → 0–100 (GATEWAY.md#status Progress, GATEWAY.md#status). */
export function progress(value: unknown): number | null {
  const raw = typeof value === 'string' ? value.trim().replace(/%$/, '') : value
  const parsed = numeric(raw)
  if (parsed === null) return null
  return Math.min(100, Math.max(0, parsed))
}

/**
 * Unix ms from seconds, ms (values above 10^12, GATEWAY.md#values), numeric strings or ISO-8601
 * strings (clip `created_at`). Zero means "not yet" in TaskDto, so it becomes null.
 */
export function unixMs(value: unknown): number | null {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    if (trimmed === '' || trimmed.length > 64) return null
    const asNumber = numeric(trimmed)
    if (asNumber !== null) return fromNumber(asNumber)
    return plausible(Date.parse(trimmed))
  }
  return typeof value === 'number' ? fromNumber(value) : null
}

function fromNumber(value: number): number | null {
  if (!Number.isFinite(value) || value <= 0) return null
  return plausible(Math.round(value > MS_THRESHOLD ? value : value * 1000))
}

function plausible(ms: number): number | null {
  return Number.isFinite(ms) && ms >= MIN_DATE_MS && ms <= MAX_DATE_MS ? ms : null
}
