import { useId, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { errorReason } from '../../elements/ui-message'
import { SavedMark } from './SavedMark'
import type { ValidationKey } from './settings-validation'

interface TextSettingProps {
  label: string
  value: string
  hint?: string
  validate?: (value: string) => ValidationKey | null
  /** Called with the trimmed value when the field loses focus (except to a control marked
   * `data-keeps-draft`) or Enter is pressed and the value is valid and changed. */
  onCommit: (value: string) => Promise<void>
  type?: 'text' | 'url' | 'number'
  inputMode?: 'text' | 'url' | 'numeric'
  min?: number
  max?: number
  placeholder?: string
  testId?: string
  id?: string
  /** Extra interpolation values for the error message. */
  errorValues?: Record<string, string | number>
  /** Reports every keystroke (the connection test uses the address as typed). */
  onDraftChange?: (value: string) => void
}

/** A text field that saves on its own when you leave it, and says what is wrong while
 * you type (aria-invalid + a described-by message). */
export function TextSetting(props: TextSettingProps): JSX.Element {
  const { t } = useTranslation()
  const autoId = useId()
  const id = props.id ?? autoId
  const [draft, setDraft] = useState(props.value)
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [savedAt, setSavedAt] = useState<number | null>(null)

  // Follow the saved value when it changes elsewhere (another window, a reset).
  const [lastSaved, setLastSaved] = useState(props.value)
  if (props.value !== lastSaved) {
    setLastSaved(props.value)
    setDraft(props.value)
  }

  const invalid = props.validate?.(draft) ?? null
  const commit = async (): Promise<void> => {
    const value = draft.trim()
    if (invalid || value === props.value.trim() || saving) return
    setSaving(true)
    setFailure(null)
    try {
      await props.onCommit(value)
      setSavedAt(Date.now())
    } catch (error) {
      setFailure(errorReason(error))
    } finally {
      setSaving(false)
    }
  }

  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [props.hint ? hintId : null, invalid || failure ? errorId : null]
    .filter(Boolean)
    .join(' ')
  return (
    <div className="setting">
      <div className="setting-head">
        <label htmlFor={id}>{props.label}</label>
        <SavedMark at={savedAt} />
      </div>
      <input
        id={id}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        min={props.min}
        max={props.max}
        value={draft}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
        data-testid={props.testId}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          setDraft(event.currentTarget.value)
          props.onDraftChange?.(event.currentTarget.value)
        }}
        onBlur={(event) => {
          // Moving to a control that uses the draft as typed (Test connection) is not
          // "done editing": testing an address must not save it (issue 13, defect 6).
          const next = event.relatedTarget
          if (next instanceof Element && next.closest('[data-keeps-draft]')) return
          void commit()
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commit()
          if (event.key === 'Escape') setDraft(props.value)
        }}
      />
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
      {(invalid || failure) && (
        <p id={errorId} className="field-error" role="alert">
          {invalid
            ? t(`settings.invalid.${invalid}`, props.errorValues ?? {})
            : t('settings.saveFailed', { reason: failure })}
        </p>
      )}
    </div>
  )
}
