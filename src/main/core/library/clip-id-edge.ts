import { clipId as clipIdSchema } from '../../../shared/schemas'

// The one edge check for clip ids that come from outside (a gateway answer, a sidecar
// found by `rebuild`): the bridge accepts only ids that pass the shared `clipId` schema, so
// an id that fails it (`../../x`, overlong, control characters) is never stored; otherwise
// every bulk action naming it would be refused as a whole (issue 12 §4).

/** Why this id is refused, or null when Songshelf accepts it. */
export function clipIdRefusal(id: string): string | null {
  const check = clipIdSchema.safeParse(id)
  return check.success ? null : check.error.issues[0].message
}
