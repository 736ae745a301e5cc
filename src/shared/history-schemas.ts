import { z } from 'zod'
import { clipId } from './schemas'

// Request schemas for the listening history, strict and bounded like schemas.ts.

const ms = z.number().min(0).max(86_400_000)

export const listenArgs = z.strictObject({
  id: clipId,
  kind: z.enum(['start', 'skip', 'finish', 'seek']),
  positionMs: ms.optional(),
  listenedMs: ms.optional()
})
export const historyArgs = z
  .strictObject({
    limit: z.number().int().min(1).max(1000).optional(),
    before: z.number().int().min(1).optional()
  })
  .optional()
export const clearHistoryArgs = z.strictObject({ resetCounts: z.boolean().optional() }).optional()
