import { cleanText } from '../../../shared/text'

// Normalised keys for sorting and style facets, used by the core alone; the rules the
// renderer shares (clean text, tag names, name order) live in shared/text.ts. Everything
// here is pure and locale-agnostic on purpose, for the same reason.

/** Sort key for titles: accents folded (NFKD minus marks), lower-cased, NFC. NFKD also
 * folds width, so full-width `Ｃｉｔｙ` and half-width katakana key like their plain forms. */
export function titleKey(title: string): string {
  return foldTitle(title).trim()
}

/** A typed prefix in the same folding as titleKey, keeping a trailing space: "city "
 * starts "City Lights" but not "Cityscape" (the list's type-ahead). */
export function titlePrefixKey(prefix: string): string {
  return foldTitle(prefix).trimStart()
}

function foldTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
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
