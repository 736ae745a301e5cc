import type { ClipStatus, NormalizedClip } from '../../../../shared/domain'
import { intOrNull, numOrNull, oneOf, textOrNull, type DbRow } from './read'

// The clip columns that hold what the gateway said about a clip, spelt once: the ingest of
// a new clip, the update from a newer answer, the rebuild from a sidecar and the sidecar
// writer all take their column list, their values and their merge rule from here.
//
// `keep`: a later answer that leaves the field out (null) keeps the earlier value; answers
// only ever fill fields in. `replace`: the latest answer is the truth (a clip's status,
// and its error, which clears when it recovers).

export const CLIP_FIELDS = [
  ['status', 'status', 'replace'],
  ['style_tags', 'styleTags', 'keep'],
  ['duration_sec', 'durationSec', 'keep'],
  ['model', 'model', 'keep'],
  ['major_model_version', 'majorModelVersion', 'keep'],
  ['created_at', 'createdAt', 'keep'],
  ['continue_clip_id', 'continueClipId', 'keep'],
  ['continue_at', 'continueAt', 'keep'],
  ['clip_type', 'clipType', 'keep'],
  ['error_message', 'errorMessage', 'replace']
] as const satisfies readonly (readonly [string, keyof NormalizedClip, 'keep' | 'replace'])[]

export const CLIP_STATUSES = [
  'submitted',
  'queued',
  'streaming',
  'complete',
  'error',
  'unknown'
] as const satisfies readonly ClipStatus[]

export type ClipFields = Pick<NormalizedClip, (typeof CLIP_FIELDS)[number][1]>

/** `status, style_tags, …` in CLIP_FIELDS order (`c.status, …` with an alias). */
export function clipFieldColumns(alias?: string): string {
  return CLIP_FIELDS.map(([column]) => (alias === undefined ? column : `${alias}.${column}`)).join(
    ', '
  )
}

/** The fields' values in clipFieldColumns() order. */
export function clipFieldValues(clip: ClipFields): (string | number | null)[] {
  return CLIP_FIELDS.map(([, key]) => clip[key])
}

/** `SET` assignments for an update from a newer answer, one `?` each, in column order. */
export const CLIP_FIELD_MERGE = CLIP_FIELDS.map(([column, , rule]) =>
  rule === 'keep' ? `${column} = coalesce(?, ${column})` : `${column} = ?`
).join(', ')

/** `a = excluded.a, …` for an upsert that takes every named column from the new row. */
export function fromExcluded(columns: readonly string[]): string {
  return columns.map((column) => `${column} = excluded.${column}`).join(', ')
}

/** The fields from a row selected with clipFieldColumns() (or more). */
export function readClipFields(row: DbRow): ClipFields {
  return {
    status: oneOf(row, 'status', CLIP_STATUSES),
    styleTags: textOrNull(row, 'style_tags'),
    durationSec: numOrNull(row, 'duration_sec'),
    model: textOrNull(row, 'model'),
    majorModelVersion: textOrNull(row, 'major_model_version'),
    createdAt: intOrNull(row, 'created_at'),
    continueClipId: textOrNull(row, 'continue_clip_id'),
    continueAt: numOrNull(row, 'continue_at'),
    clipType: textOrNull(row, 'clip_type'),
    errorMessage: textOrNull(row, 'error_message')
  }
}
