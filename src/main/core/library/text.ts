// Normalised keys for sorting, tag identity and style facets. Everything here is pure and
// locale-agnostic on purpose: the same library must sort and match the same way on every
// machine, whatever the OS language (toLowerCase() without a locale, no Intl.Collator).

/** NFC, trimmed, inner whitespace collapsed. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim()
}

/** Sort key for titles: accents folded (NFKD minus marks), lower-cased, NFC. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim()
}

// Tags are names people type; control and format characters would make two tags look
// identical while being different rows.
const TAG_JUNK = /[\p{Cc}\p{Cf}\p{Cs}]/gu
export const TAG_MAX_LENGTH = 64

/** A user tag's display form, or null when nothing usable is left. */
export function cleanTagName(name: string): string | null {
  const cleaned = cleanText(name.replace(TAG_JUNK, ''))
  if (cleaned === '') return null
  return Array.from(cleaned).slice(0, TAG_MAX_LENGTH).join('').trim()
}

/** Identity of a user tag: `Chill` and `chill` are one tag (NFC lower-case). */
export function tagKey(name: string): string {
  return (cleanTagName(name) ?? '').toLowerCase().normalize('NFC')
}

/** Splits Suno's free-form style string ("dreamy synthwave, female vocals") into
 * facet tokens. Commas are the separator Suno writes; ; | / and newlines also occur in
 * hand-written prompts. */
export function styleTokens(styleTags: string | null): string[] {
  if (styleTags == null) return []
  const seen = new Set<string>()
  for (const part of styleTags.split(/[,;|/\n]+/u)) {
    const token = cleanText(part).toLowerCase()
    if (token !== '' && token.length <= 80) seen.add(token)
  }
  return [...seen]
}

/** Escapes `%`, `_` and the escape char itself for `LIKE … ESCAPE '\'`. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/gu, (c) => `\\${c}`)
}

/** Unit separator: cannot appear in tag names (control chars are stripped). */
export const LIST_SEPARATOR = '\u001f'

export function splitList(value: unknown): string[] {
  if (typeof value !== 'string' || value === '') return []
  return value.split(LIST_SEPARATOR)
}

/** Sorts names the way listTags and rows show them: case-insensitive, then exact. */
export function compareNames(a: string, b: string): number {
  const ka = a.toLowerCase()
  const kb = b.toLowerCase()
  if (ka !== kb) return ka < kb ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}
