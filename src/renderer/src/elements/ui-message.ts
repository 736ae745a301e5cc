/** A message kept in state as a key, not as translated text, so it follows a language
 * switch (a string translated when it was set would stay in the old language). */
export interface UiMessage {
  key: string
  values?: Record<string, string | number>
}

export const errorReason = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)
