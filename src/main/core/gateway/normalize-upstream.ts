import type { ClipStem, LineageEdge, LineageKind } from '../../../shared/domain'
import { classifyMediaUrl } from './urls'
import { asFields, field, firstOf, numeric, text, type Fields } from './normalize-values'

// Upstream Suno clip fields that gateways carry through untyped (`data json.RawMessage`
// in new-api, `datatypes.JSON` in one-hub), as listed in docs/GATEWAY.md#clip-shapes
// from rs-suno's wire/clip.rs. Every reader is lenient: absent or odd values are null.

export interface UpstreamClipFields {
  batchIndex: number | null
  videoCoverUrl: string | null
  hasVocal: boolean | null
  stem: ClipStem | null
  lineage: LineageEdge[]
}

const EDIT_KEYS: readonly (readonly [string, LineageKind])[] = [
  ['cover_clip_id', 'cover'],
  ['remaster_clip_id', 'remaster'],
  ['upsample_clip_id', 'upsample'],
  ['speed_clip_id', 'speed'],
  ['edited_clip_id', 'edit']
]
/** Bounds what a hostile answer can make us store per clip. */
const MAX_HISTORY = 64

export function upstreamFields(obj: Fields, meta: Fields | null): UpstreamClipFields {
  const both = [meta, obj]
  const batch = numeric(firstOf(both, ['batch_index', 'batchIndex']))
  return {
    batchIndex: batch !== null && Number.isInteger(batch) && batch >= 0 ? batch : null,
    videoCoverUrl: text(firstOf([obj, meta], ['video_cover_url', 'videoCoverUrl'])),
    hasVocal: flag(firstOf(both, ['has_vocal', 'hasVocal'])),
    stem: stemOf(both),
    lineage: lineageOf(both)
  }
}

function flag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === 1) return true
  if (value === 'false' || value === 0) return false
  return null
}

function stemOf(both: readonly (Fields | null)[]): ClipStem | null {
  const typeId = numeric(firstOf(both, ['stem_type_id', 'stemTypeId']))
  const stem: ClipStem = {
    hasStem: flag(firstOf(both, ['has_stem', 'hasStem'])),
    fromId: text(firstOf(both, ['stem_from_id', 'stemFromId'])),
    // 91.0 and "91" are the same stem type.
    typeId: typeId !== null && Number.isInteger(typeId) ? typeId : null,
    typeGroupName: text(firstOf(both, ['stem_type_group_name', 'stemTypeGroupName']))
  }
  return Object.values(stem).every((v) => v === null) ? null : stem
}

function lineageOf(both: readonly (Fields | null)[]): LineageEdge[] {
  const edges: LineageEdge[] = []
  const add = (kind: LineageKind, clipId: string | null, atSec: number | null): void => {
    if (clipId === null || edges.some((e) => e.kind === kind && e.clipId === clipId)) return
    edges.push({ kind, clipId, atSec: atSec !== null && atSec >= 0 ? atSec : null })
  }
  for (const [key, kind] of EDIT_KEYS) add(kind, text(firstOf(both, [key])), null)
  add('stem', text(firstOf(both, ['stem_from_id', 'stemFromId'])), null)
  for (const [key, kind] of [
    ['history', 'extend'],
    ['concat_history', 'concat']
  ] as const) {
    const list = firstOf(both, [key])
    if (!Array.isArray(list)) continue
    for (const entry of list.slice(0, MAX_HISTORY)) {
      // Entries are bare id strings, or {id, infill, continue_at, infill_start_s, …}.
      const obj = asFields(entry)
      if (obj === null) {
        add(kind, text(entry), null)
        continue
      }
      const infill = field(obj, 'infill') === true
      const at = numeric(firstOf([obj], ['continue_at', 'infill_start_s']))
      add(infill ? 'infill' : kind, text(field(obj, 'id')), at)
    }
  }
  return edges
}

/**
 * `media_urls` lists other encodings ({url, content_type: "mp3" | "m4a-opus", …}); the
 * first downloadable mp3 among them, or null. Songshelf's library is mp3 (ID3 tags, magic
 * check), so other encodings are kept in the raw answer only.
 */
export function mediaUrlsMp3(obj: Fields): string | null {
  const list = field(obj, 'media_urls') ?? field(obj, 'mediaUrls')
  if (!Array.isArray(list)) return null
  for (const entry of list.slice(0, MAX_HISTORY)) {
    const item = asFields(entry)
    const url = text(field(item, 'url'))
    if (url === null) continue
    const type = (
      text(firstOf([item], ['content_type', 'contentType', 'encoding'])) ?? ''
    ).toLowerCase()
    const isMp3 = type === 'mp3' || type === 'audio/mpeg' || /\.mp3(\?|$)/i.test(url)
    if (isMp3 && classifyMediaUrl(url)?.kind === 'ok') return url
  }
  return null
}
