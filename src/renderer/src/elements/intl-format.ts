// Locale-aware formatting for the player, tasks and settings. Everything goes through
// Intl with the UI language, so 中文 shows 1.5 MB / 2026年3月4日 the way Chinese users
// expect, and nothing is formatted by hand except the m:ss clock of a player.

/** `m:ss` or `h:mm:ss`; a clock reads the same in every locale we ship. */
export function formatClock(totalSeconds: number | null | undefined): string {
  if (totalSeconds === null || totalSeconds === undefined || !Number.isFinite(totalSeconds)) {
    return '–:––'
  }
  const whole = Math.max(0, Math.floor(totalSeconds))
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = whole % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** Spoken form of a duration for screen readers: "3 minutes, 5 seconds". */
export function formatSpokenDuration(totalSeconds: number, locale: string): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0))
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = whole % 60
  const unit = (value: number, name: 'hour' | 'minute' | 'second'): string =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value)
  const parts: string[] = []
  if (h > 0) parts.push(unit(h, 'hour'))
  if (h > 0 || m > 0) parts.push(unit(m, 'minute'))
  parts.push(unit(s, 'second'))
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(parts)
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const

function scaled(bytes: number): { value: number; unit: (typeof BYTE_UNITS)[number] } {
  let value = Math.max(0, bytes)
  let i = 0
  while (value >= 1000 && i < BYTE_UNITS.length - 1) {
    value /= 1000
    i += 1
  }
  return { value, unit: BYTE_UNITS[i] ?? 'byte' }
}

/** "1.4 MB" (decimal units, as file managers on macOS and GNOME show them). */
export function formatBytes(bytes: number, locale: string): string {
  const { value, unit } = scaled(bytes)
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1
  }).format(value)
}

/** "850 kB/s". */
export function formatRate(bytesPerSecond: number, locale: string): string {
  const { value, unit } = scaled(bytesPerSecond)
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: `${unit}-per-second`,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1
  }).format(value)
}

export function formatDateTime(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(epochMs)
  )
}

/** "in 20 seconds" / "3 minutes ago", relative to `now`. */
export function formatRelative(epochMs: number, now: number, locale: string): string {
  const diffSec = Math.round((epochMs - now) / 1000)
  const abs = Math.abs(diffSec)
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  if (abs < 60) return rtf.format(diffSec, 'second')
  if (abs < 3600) return rtf.format(Math.round(diffSec / 60), 'minute')
  if (abs < 86400) return rtf.format(Math.round(diffSec / 3600), 'hour')
  return rtf.format(Math.round(diffSec / 86400), 'day')
}

/** Something that already happened ("3 minutes ago", "now"): the clock of a label is up to
 * a refresh old, so a newer timestamp is clamped to now instead of reading "in 2 seconds". */
export function formatPast(epochMs: number, now: number, locale: string): string {
  return formatRelative(Math.min(epochMs, now), now, locale)
}

export function formatPercent(fraction: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    Math.min(1, Math.max(0, fraction))
  )
}

const countFormats = new Map<string, Intl.NumberFormat>()

/** "12,345" / "12,345". The format is made once per locale: every list row shows a count
 * (plays), and a new Intl.NumberFormat per call was the largest single JS cost of
 * rendering a page of search results (a CPU profile of bench/typing.bench.ts). */
export function formatCount(value: number, locale: string): string {
  let format = countFormats.get(locale)
  if (format === undefined) {
    format = new Intl.NumberFormat(locale)
    countFormats.set(locale, format)
  }
  return format.format(value)
}
