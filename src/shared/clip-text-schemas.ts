import { z } from 'zod'
import { cleanNote, cleanUserTitle, NOTE_MAX, textLength, USER_TITLE_MAX } from './clip-title'
import { clipId } from './schemas'

// The rename and note requests (issue 13). Lengths are counted after cleaning, in code
// points, by the same rule the core stores with (clip-title.ts); a longer text is refused,
// never cut. The raw string is bounded first so a huge payload is not cleaned at all.

/** A string of at most `max` code points once `clean` has run; `what` names it in the refusal. */
function boundedText(max: number, clean: (value: string) => string, what: string): z.ZodString {
  return z
    .string()
    .max(max * 8)
    .refine((value) => textLength(clean(value)) <= max, {
      message: `${what} has at most ${max} characters`
    })
}

export const renameClipArgs = z.strictObject({
  id: clipId,
  /** '' puts the gateway's title back. */
  title: boundedText(USER_TITLE_MAX, cleanUserTitle, 'a title')
})

export const clipNoteArgs = z.strictObject({
  id: clipId,
  /** '' clears the note. */
  note: boundedText(NOTE_MAX, cleanNote, 'a note')
})
