import { z } from 'zod'

// The undo request: the id an undoable action answered (shared/undo.ts). The library
// makes these ids as `<kind>-<12 hex>`; anything else is refused at the bridge.

export const undoArgs = z.strictObject({
  id: z.string().regex(/^[a-z-]{1,20}-[0-9a-f]{12}$/u, 'not an undo id')
})
