// Finds task ids in whatever the user pastes: generate-call JSON, logs, a list, a URL.
// Gateways hand out upstream UUIDs or their own `task_…` ids (docs/GATEWAY.md#routes),
// so both are recognised; everything else is treated as opaque text.

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi
const TASK_ID = /\btask_[A-Za-z0-9][A-Za-z0-9_-]{5,100}\b/g
/** Looks like someone meant an id (long hex run, a cut-off UUID, `task_`) but is not one. */
const NEAR_MISS = /^(?:[0-9a-f-]{16,}|task_.*)$/i

export interface ExtractedIds {
  ids: string[]
  invalid: string[]
}

/** Returns the ids in order of first appearance, de-duplicated (UUIDs lower-cased). */
export function extractTaskIds(text: string): ExtractedIds {
  const ids: string[] = []
  const seen = new Set<string>()
  const add = (id: string): void => {
    if (!seen.has(id)) {
      seen.add(id)
      ids.push(id)
    }
  }
  const found: { index: number; id: string }[] = []
  for (const match of text.matchAll(UUID))
    found.push({ index: match.index, id: match[0].toLowerCase() })
  for (const match of text.matchAll(TASK_ID)) found.push({ index: match.index, id: match[0] })
  found.sort((a, b) => a.index - b.index)
  for (const { id } of found) add(id)

  // Linear in the text (docs/RELIABILITY.md#hostile-input): a Set de-duplicates the near misses and the ends
  // are trimmed by index, because `invalid.includes` and a `[…]+$` regex are quadratic
  // on pasted noise and this runs in the core and on every paste in the renderer.
  const invalid: string[] = []
  const reported = new Set<string>()
  const stripped = text.replace(UUID, ' ').replace(TASK_ID, ' ')
  for (const token of stripped.split(SEPARATORS)) {
    const clean = trimEnds(token)
    if (clean.length > 0 && !reported.has(clean) && NEAR_MISS.test(clean)) {
      reported.add(clean)
      invalid.push(clean)
    }
  }
  return { ids, invalid }
}

const SEPARATORS = /[\s,;"'`[\]{}()<>|]+/

/** Drops `:`, `=` and `/` from the start and `:`, `=`, `/` and `.` from the end. */
function trimEnds(token: string): string {
  let start = 0
  let end = token.length
  while (start < end && LEADING.has(token.charCodeAt(start))) start++
  while (end > start && TRAILING.has(token.charCodeAt(end - 1))) end--
  return token.slice(start, end)
}

const LEADING = new Set([':', '=', '/'].map((c) => c.charCodeAt(0)))
const TRAILING = new Set([':', '=', '/', '.'].map((c) => c.charCodeAt(0)))
