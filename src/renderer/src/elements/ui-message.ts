import i18next from 'i18next'

/** A message kept in state as a key, not as translated text, so it follows a language
 * switch (a string translated when it was set would stay in the old language). */
export interface UiMessage {
  key: string
  values?: Record<string, string | number>
}

interface CodedError {
  code: string
  message: string
  params?: Record<string, string | number>
}

function asCoded(error: unknown): CodedError | null {
  if (typeof error !== 'object' || error === null) return null
  const { code, message, params } = error as Partial<CodedError>
  if (typeof code !== 'string' || typeof message !== 'string') return null
  return { code, message, ...(params ? { params } : {}) }
}

/** The i18n key for a core error code (src/shared/error-codes.ts), or null when the code
 * has no message of its own. */
export function errorKey(code: string | null | undefined): string | null {
  if (!code) return null
  const key = `errors.${code}`
  return i18next.exists(key) ? key : null
}

/** A failure from the core in the UI's language: its code's message with its params;
 * the core's English words only for a code that has none. */
export function errorReason(error: unknown): string {
  const coded = asCoded(error)
  const key = errorKey(coded?.code)
  if (coded && key) return i18next.t(key, coded.params ?? {})
  return error instanceof Error ? error.message : String(error)
}
