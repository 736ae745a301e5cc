// A calendar day in the locale's own words (2026年3月4日 / Mar 4, 2026), for dense table
// cells where intl-format's date-and-time is too wide.

const formats = new Map<string, Intl.DateTimeFormat>()

export function formatDay(epochMs: number | null | undefined, locale: string): string {
  if (epochMs === null || epochMs === undefined || !Number.isFinite(epochMs)) return ''
  let format = formats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
    formats.set(locale, format)
  }
  return format.format(new Date(epochMs))
}
