import type { RefusedClipCode } from '../../../shared/domain'
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

// C0, DEL, C1 and the bidi controls (ALM, LRM, RLM, LRE…RLO, LRI…PDI).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u

/** What is wrong with a refused id, so the app can say it in the user's language. */
export function clipIdRefusalCode(id: string): RefusedClipCode {
  if (id === '') return 'empty'
  if (id.length > 128) return 'too_long'
  if (CONTROL.test(id)) return 'control'
  if (/[/\\]|\.\./u.test(id)) return 'path'
  return 'characters'
}
