import { z } from 'zod'
import { clipId } from './schemas'

// Request schemas of the mini player's relay, strict and bounded like schemas.ts: the
// state and the commands cross from one untrusted page to another.

const seconds = z.number().min(0).max(86_400)

export const miniPlayerOpenArgs = z.strictObject({ open: z.boolean() })
export const playerStateArgs = z.strictObject({
  clip: z
    .strictObject({
      id: clipId,
      title: z.string().max(1000),
      take: z.number().int().min(1).max(1000).nullable(),
      takes: z.number().int().min(1).max(1000).nullable(),
      hasCover: z.boolean()
    })
    .nullable(),
  playing: z.boolean(),
  position: seconds,
  duration: seconds,
  hasNext: z.boolean(),
  hasPrevious: z.boolean()
})
export const playerCommandArgs = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('toggle') }),
  z.strictObject({ command: z.literal('next') }),
  z.strictObject({ command: z.literal('previous') }),
  z.strictObject({ command: z.literal('hello') }),
  z.strictObject({ command: z.literal('seek'), sec: seconds })
])
