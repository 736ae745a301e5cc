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

const stemSchema = z.object({
  hasStem: z.boolean().nullable().catch(null),
  fromId: z.string().nullable().catch(null),
  typeId: z.number().nullable().catch(null),
  typeGroupName: z.string().nullable().catch(null)
})
const lineageSchema = z.array(
  z.object({
    kind: z.enum(LINEAGE_KINDS),
    clipId: z.string().min(1),
    atSec: z.number().nullable().catch(null)
  })
)

const storedSchema = z.object({
  videoCoverUrl: z.string().nullable().catch(null),
  stem: stemSchema.nullable().catch(null),
  lineage: lineageSchema.catch([])
})

/** The same fields in the sidecar's `clip` section, as people and other tools read them:
 * `take` counts from 1, `instrumental` is null when upstream did not say. Each is optional
 * (sidecars written before have none), so a rebuild falls back to the `gateway` section. */
export const sidecarUpstreamShape = {
  take: z.number().int().min(1).nullable().optional().catch(undefined),
  instrumental: z.boolean().nullable().optional().catch(undefined),
  stem: stemSchema.nullable().optional().catch(undefined),
  lineage: lineageSchema.optional().catch(undefined),
  videoCoverUrl: z.string().nullable().optional().catch(undefined)
}

export interface SidecarUpstream {
  take?: number | null
  instrumental?: boolean | null
  stem?: ClipStem | null
  lineage?: LineageEdge[]
  videoCoverUrl?: string | null
}

/** The clip section's upstream fields from the index columns and the stored JSON. */
export function sidecarUpstreamOf(
  batchIndex: number | null,
  hasVocal: number | null,
  upstreamJson: string | null
): Required<SidecarUpstream> {
  const stored = parseUpstream(upstreamJson)
  return {
    take: batchIndex === null ? null : batchIndex + 1,
    instrumental: hasVocal === null ? null : hasVocal === 0,
    stem: stored.stem,
    lineage: stored.lineage,
    videoCoverUrl: stored.videoCoverUrl
  }
}

/** What a rebuild restores: the sidecar's clip section where it has a field, otherwise
 * what the gateway sent (the `gateway` section). */
export function upstreamForRebuild(
  clip: SidecarUpstream,
  gateway: unknown
): ReturnType<typeof upstreamFromRaw> {
  const raw = upstreamFromRaw(gateway)
  return {
    batchIndex:
      clip.take === undefined ? raw.batchIndex : clip.take === null ? null : clip.take - 1,
    hasVocal:
      clip.instrumental === undefined
        ? raw.hasVocal
        : clip.instrumental === null
          ? null
          : !clip.instrumental,
    stem: clip.stem === undefined ? raw.stem : clip.stem,
    lineage: clip.lineage ?? raw.lineage,
    videoCoverUrl: clip.videoCoverUrl === undefined ? raw.videoCoverUrl : clip.videoCoverUrl
  }
}

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
