import i18next from 'i18next'
import { errorKey } from './ui-message'

/** A file's stored error in the UI's language (issue 13, defect 11): its code's message
 * (shared/error-codes.ts FILE_ERROR_CODES), the system detail in brackets when there is
 * one. Null for a text with no code (an older build's words), which is shown as it is. */
export function fileErrorText(file: {
  errorCode?: string
  errorParams?: Record<string, string | number>
}): string | null {
  const key = errorKey(file.errorCode)
  if (!key) return null
  const text = i18next.t(key, file.errorParams ?? {})
  const detail = file.errorParams?.['detail']
  return detail === undefined ? text : `${text} (${detail})`
}
