import type { AppErrorData } from '../../../shared/domain'
import type { AppErrorCode, ErrorParams } from '../../../shared/error-codes'

/** A failure the user should see: a stable code and a plain message that says what
 * happened and what to do. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly params?: ErrorParams
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** Turns anything thrown into data that can cross the bridge. Unexpected errors keep a
 * generic message: stack traces and paths stay in main. */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.params ? { params: error.params } : {})
    }
  }
  const code: unknown =
    error instanceof Error ? (error as unknown as { code?: unknown }).code : undefined
  // Codes from the one list (shared/error-codes.ts) have a message in every language; any
  // other lowercase code still crosses, and the renderer falls back to the English text.
  if (error instanceof Error && typeof code === 'string' && /^[a-z_]+$/.test(code))
    return { code, message: error.message }
  return { code: 'internal', message: 'Something went wrong inside Songshelf. Please try again.' }
}
