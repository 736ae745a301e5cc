import { z } from 'zod'
import { cleanNote, cleanUserTitle, NOTE_MAX, textLength, USER_TITLE_MAX } from './clip-title'
import { clipId } from './schemas'

// The rename and note requests (issue 13). Lengths are counted after cleaning, in code
// points, by the same rule the core stores with (clip-title.ts); a longer text is refused,
// never cut. The raw string is bounded first so a huge payload is not cleaned at all.

export const renameClipArgs = z.strictObject({
  id: clipId,
  /** '' puts the gateway's title back. */
  title: z
    .string()
    .max(USER_TITLE_MAX * 8)
    .refine((value) => textLength(cleanUserTitle(value)) <= USER_TITLE_MAX, {
      message: `a title has at most ${USER_TITLE_MAX} characters`
    })
})

export const clipNoteArgs = z.strictObject({
  id: clipId,
  /** '' clears the note. */
  note: z
    .string()
    .max(NOTE_MAX * 8)
    .refine((value) => textLength(cleanNote(value)) <= NOTE_MAX, {
      message: `a note has at most ${NOTE_MAX} characters`
    })
})
