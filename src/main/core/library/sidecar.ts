import { posix } from 'node:path'
import { z } from 'zod'
import { MEDIA_KINDS } from '../../../shared/domain'
import type { Db } from './db'
import { CLIP_STATUSES, clipFieldColumns, readClipFields } from './rows/clip-fields'
import { int, intOrNull, oneOf, text, textOrNull } from './rows/read'
import { splitList } from './text'
import { sidecarUpstreamOf } from './upstream'
import { sidecarUpstreamShape } from './upstream-sidecar'

// The `.json` sidecar beside each song: everything the gateway gave (minus personal
// fields), our own fields (user tags, favourite) and the names of the media files. It is
// what makes the index rebuildable from the library folder alone, and what other tools
// read. `songshelf` is the format version.

export const SIDECAR_FORMAT = 1

const PERSONAL_KEY =
  /^(user_?id|display_?name|handle|avatar(_?image)?(_?url)?|is_?handle_?updated|email|api_?key|token)$/i

/** Drops personal fields at any depth (gateways leak user_id, display_name, handle). */
export function withoutPersonal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonal)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    if (!PERSONAL_KEY.test(key)) out[key] = withoutPersonal(inner)
  }
  return out
}

const optionalText = z.string().nullable().catch(null)
const num = z.number().nullable().catch(null)

export const sidecarSchema = z.object({
  songshelf: z.number().int().positive(),
  clip: z.object({
    id: z.string().min(1),
    taskId: z.string().catch(''),
    title: z.string().catch(''),
    status: z.enum(CLIP_STATUSES).catch('unknown'),
    styleTags: optionalText,
    lyrics: optionalText,
    descriptionPrompt: optionalText,
    durationSec: num,
    model: optionalText,
    majorModelVersion: optionalText,
    createdAt: num,
    continueClipId: optionalText,
    continueAt: num,
    clipType: optionalText,
    errorMessage: optionalText,
    // Issue 16: take, instrumental, stems, lineage and the animated cover link.
    ...sidecarUpstreamShape
  }),
  library: z
    .object({
      addedAt: z.number().nullable().catch(null),
      favorite: z.boolean().catch(false),
      userTags: z.array(z.string()).catch([])
    })
    .catch({ addedAt: null, favorite: false, userTags: [] }),
  // Issue 13: the user's own title and note (the gateway's title stays in `clip`). Absent
  // in sidecars written before.
  user: z
    .object({ title: optionalText, note: optionalText })
    .catch({ title: null, note: null })
    .default({ title: null, note: null }),
  files: z.record(z.string(), z.string()).catch({}),
  // Size (and sha256, verified at the final name by the downloader or computed by the ID3
  // writer) of each file in `files` when the sidecar was written: lets `rebuild` refuse a
  // cut-short file whose header still looks right. Absent in sidecars written before.
  fileChecks: z
    .record(
      z.string(),
      z.object({
        bytes: z.number().int().nonnegative(),
        sha256: z.string().nullable().catch(null)
      })
    )
    .catch({}),
  gateway: z.record(z.string(), z.unknown()).catch({})
})

export type Sidecar = z.infer<typeof sidecarSchema>

function parseRaw(json: string | null): Record<string, unknown> {
  if (json === null) return {}
  try {
    const value: unknown = JSON.parse(json)
    const clean = withoutPersonal(value)
    return clean !== null && typeof clean === 'object' && !Array.isArray(clean)
      ? (clean as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

/** The sidecar of a clip as it stands in the index, for a sidecar at `sidecarRel`. */
export function buildSidecar(db: Db, pk: number, sidecarRel: string): Sidecar | null {
  const row = db.get(
    `SELECT c.pk, c.id, c.task_id, c.title, ${clipFieldColumns('c')},
       c.added_at, c.favorite, c.batch_index, c.has_vocal, c.user_title,
       x.lyrics, x.description_prompt, x.raw_json, x.upstream_json, x.note,
       (SELECT group_concat(t.name, char(31)) FROM clip_tags ct
        JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_pk = c.pk) AS user_tags
     FROM clips c LEFT JOIN clip_texts x ON x.clip_pk = c.pk WHERE c.pk = ?`,
    pk
  )
  if (row === undefined) return null
  const files: Record<string, string> = {}
  const fileChecks: Sidecar['fileChecks'] = {}
  const dir = posix.dirname(sidecarRel)
  for (const file of db.all(
    `SELECT kind, rel_path, bytes, sha256 FROM files
     WHERE clip_pk = ? AND state = 'done' AND kind != 'sidecar' AND rel_path IS NOT NULL
     ORDER BY kind`,
    pk
  )) {
    const kind = oneOf(file, 'kind', MEDIA_KINDS)
    const bytes = intOrNull(file, 'bytes')
    files[kind] = posix.relative(dir, text(file, 'rel_path'))
    if (bytes !== null) fileChecks[kind] = { bytes, sha256: textOrNull(file, 'sha256') }
  }
  const { status, ...fields } = readClipFields(row)
  return {
    songshelf: SIDECAR_FORMAT,
    clip: {
      id: text(row, 'id'),
      taskId: text(row, 'task_id'),
      title: text(row, 'title'),
      status,
      styleTags: fields.styleTags,
      lyrics: textOrNull(row, 'lyrics'),
      descriptionPrompt: textOrNull(row, 'description_prompt'),
      durationSec: fields.durationSec,
      model: fields.model,
      majorModelVersion: fields.majorModelVersion,
      createdAt: fields.createdAt,
      continueClipId: fields.continueClipId,
      continueAt: fields.continueAt,
      clipType: fields.clipType,
      errorMessage: fields.errorMessage,
      ...sidecarUpstreamOf(
        intOrNull(row, 'batch_index'),
        intOrNull(row, 'has_vocal'),
        textOrNull(row, 'upstream_json')
      )
    },
    library: {
      addedAt: int(row, 'added_at'),
      favorite: int(row, 'favorite') !== 0,
      userTags: splitList(textOrNull(row, 'user_tags')).sort()
    },
    user: { title: textOrNull(row, 'user_title'), note: textOrNull(row, 'note') },
    files,
    fileChecks,
    gateway: parseRaw(textOrNull(row, 'raw_json'))
  }
}

/** Sidecar text: stable key order, human-readable, with an ISO date for people. */
export function serializeSidecar(sidecar: Sidecar): string {
  const createdAt = new Date(sidecar.clip.createdAt ?? Number.NaN)
  const createdIso = Number.isNaN(createdAt.getTime()) ? null : createdAt.toISOString()
  return `${JSON.stringify({ ...sidecar, createdIso }, null, 2)}\n`
}

/** Parses a sidecar file's text; null when it is not ours or unreadable. */
export function parseSidecar(source: string): Sidecar | null {
  try {
    const result = sidecarSchema.safeParse(JSON.parse(source))
    return result.success ? result.data : null
  } catch {
    return null
  }
}
