import { z } from 'zod'
import { IMPORT_LIMITS } from './import'

// Request schemas for drag-in import, strict and bounded like schemas.ts. A path is only
// shaped here (absolute, no NUL, bounded); main checks that it exists and what it is.

const path = z
  .string()
  .min(1)
  .max(IMPORT_LIMITS.pathLength)
  .refine((p) => !p.includes('\0'), 'a path has no NUL character')

export const previewImportArgs = z.strictObject({
  paths: z.array(path).min(1).max(IMPORT_LIMITS.paths)
})
export const runImportArgs = z.strictObject({ planId: z.uuid() })
