import { z } from 'zod'
import type { ClipStem, LineageEdge, NormalizedClip } from '../../../shared/domain'
import { asFields, field } from '../gateway/normalize-values'
import { upstreamFields } from '../gateway/normalize-upstream'

// The upstream fields of issue 16 as the index keeps them: the take and has_vocal are
// columns (list rows, facets); the animated cover link, stems and lineage are one JSON
// value beside the clip's texts, read by the detail view only.

const LINEAGE_KINDS = [
  'cover',
  'remaster',
  'upsample',
  'speed',
  'edit',
  'stem',
  'extend',
  'infill',
  'concat'
] as const

const storedSchema = z.object({
  videoCoverUrl: z.string().nullable().catch(null),
  stem: z
    .object({
      hasStem: z.boolean().nullable().catch(null),
      fromId: z.string().nullable().catch(null),
      typeId: z.number().nullable().catch(null),
      typeGroupName: z.string().nullable().catch(null)
    })
    .nullable()
    .catch(null),
  lineage: z
    .array(
      z.object({
        kind: z.enum(LINEAGE_KINDS),
        clipId: z.string().min(1),
        atSec: z.number().nullable().catch(null)
      })
    )
    .catch([])
})

export interface StoredUpstream {
  videoCoverUrl: string | null
  stem: ClipStem | null
  lineage: LineageEdge[]
}

const EMPTY: StoredUpstream = { videoCoverUrl: null, stem: null, lineage: [] }

/** The JSON text for `clip_texts.upstream_json`, or null when the clip carries none. */
export function upstreamJsonOf(clip: Partial<StoredUpstream>): string | null {
  const stored: StoredUpstream = {
    videoCoverUrl: clip.videoCoverUrl ?? null,
    stem: clip.stem ?? null,
    lineage: clip.lineage ?? []
  }
  const empty = stored.videoCoverUrl === null && stored.stem === null && stored.lineage.length === 0
  return empty ? null : JSON.stringify(stored)
}

export function parseUpstream(json: string | null): StoredUpstream {
  if (json === null) return EMPTY
  try {
    const parsed = storedSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : EMPTY
  } catch {
    return EMPTY
  }
}

/** The same fields read again from a clip's raw gateway answer (the sidecar's `gateway`
 * section, or the index's raw JSON): how rebuild and the migration restore them. */
export function upstreamFromRaw(
  raw: unknown
): Pick<NormalizedClip, 'batchIndex' | 'hasVocal' | 'videoCoverUrl' | 'stem' | 'lineage'> {
  const obj = asFields(raw)
  if (obj === null) return { ...EMPTY, batchIndex: null, hasVocal: null }
  return upstreamFields(obj, asFields(field(obj, 'metadata')))
}

/** SQLite value for has_vocal. */
export function vocalFlag(hasVocal: boolean | null | undefined): number | null {
  return hasVocal === undefined || hasVocal === null ? null : hasVocal ? 1 : 0
}
