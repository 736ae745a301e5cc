import type { ClipStem, LineageEdge, LineageKind, NormalizedClip } from '../../../shared/domain'
import { asFields, field } from '../gateway/normalize-values'
import { upstreamFields } from '../gateway/normalize-upstream'

// The upstream fields of issue 16 as the index keeps them: the take and has_vocal are
// columns (list rows, facets); the animated cover link, stems and lineage are one JSON
// value beside the clip's texts, read by the detail view only.

/** The kinds of lineage edge the index stores (the LineageKind type, as data). */
export const LINEAGE_KINDS = [
  'cover',
  'remaster',
  'upsample',
  'speed',
  'edit',
  'stem',
  'extend',
  'infill',
  'concat'
] as const satisfies readonly LineageKind[]

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

/** `clip_texts.upstream_json` read back. Written by upstreamJsonOf, so normally well
 * formed; a field of the wrong type reads as absent, as the sidecar's schema would read it
 * (upstream-sidecar.ts; upstream-json.test.ts checks the two agree on random values). By
 * hand rather than with zod: this runs for every row of `songshelf list`, which must start
 * without loading zod (issue 14 §6). */
export function parseUpstream(json: string | null): StoredUpstream {
  if (json === null) return EMPTY
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return EMPTY
  }
  if (!isRecord(value)) return EMPTY
  return {
    videoCoverUrl: textOrNull(value['videoCoverUrl']),
    stem: isRecord(value['stem']) ? readStem(value['stem']) : null,
    lineage: readLineage(value['lineage']) ?? []
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function readStem(value: Record<string, unknown>): ClipStem {
  return {
    hasStem: typeof value['hasStem'] === 'boolean' ? value['hasStem'] : null,
    fromId: textOrNull(value['fromId']),
    typeId: numberOrNull(value['typeId']),
    typeGroupName: textOrNull(value['typeGroupName'])
  }
}

/** The edges, or undefined when the value is not a list of well-formed edges. */
function readLineage(value: unknown): LineageEdge[] | undefined {
  if (!Array.isArray(value)) return undefined
  const edges: LineageEdge[] = []
  for (const item of value as unknown[]) {
    if (!isRecord(item)) return undefined
    const { kind, clipId } = item
    if (!(LINEAGE_KINDS as readonly unknown[]).includes(kind)) return undefined
    if (typeof clipId !== 'string' || clipId.length === 0) return undefined
    edges.push({ kind: kind as LineageKind, clipId, atSec: numberOrNull(item['atSec']) })
  }
  return edges
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
