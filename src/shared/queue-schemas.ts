import { z } from 'zod'
import { MAX_IDS_PER_CALL } from './limits'
import { playlistId } from './playlist-schemas'
import { clipId, libraryFilter, sortKey } from './schemas'

// Request schemas for the play queue, strict and bounded like the rest of the bridge.

const position = z.number().int().min(0).max(10_000_000)

export const queueSource = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('library'),
    filter: libraryFilter,
    sort: sortKey.optional(),
    dir: z.enum(['asc', 'desc']).optional(),
    exclude: z.array(clipId).max(MAX_IDS_PER_CALL).optional()
  }),
  z.strictObject({ kind: z.literal('playlist'), id: playlistId }),
  z.strictObject({ kind: z.literal('clips'), ids: z.array(clipId).min(1).max(MAX_IDS_PER_CALL) })
])

export const playQueueArgs = z.strictObject({
  source: queueSource,
  /** Start at this index of the source's order (a double-clicked row). */
  at: position.optional(),
  /** The clip expected there; when the view moved under the click, it is found again. */
  clipId: clipId.optional(),
  /** Shuffle the whole source (the started clip, if any, plays first). */
  shuffle: z.boolean().optional()
})
export const queueWindowArgs = z.strictObject({
  offset: position,
  limit: z.number().int().min(1).max(500)
})
export const queueStepArgs = z.strictObject({ by: z.union([z.literal(1), z.literal(-1)]) })
export const queueIndexArg = z.strictObject({ index: position })
export const queueMoveArgs = z.strictObject({ from: position, to: position })
export const queueAddArgs = z.strictObject({
  clipIds: z.array(clipId).min(1).max(MAX_IDS_PER_CALL),
  /** Right after the current entry ("play next"); otherwise after the entries already
   * added ("add to queue"). */
  next: z.boolean().optional()
})
export const queueOptionsArgs = z.strictObject({
  shuffle: z.boolean().optional(),
  repeat: z.enum(['off', 'all', 'one']).optional(),
  positionMs: z.number().int().min(0).max(86_400_000).optional()
})
