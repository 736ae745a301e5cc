import { useState, type FormEvent, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { PLAYLIST_NAME_MAX } from '../../../../shared/limits'
import { cleanPlaylistName } from '../../../../shared/text'

// The name part of both playlist dialogs (name, and smart playlist): the field, the
// shared cleaning rule (shared/text.ts, the one the core stores by) and the footer.

export interface NameForm {
  name: string
  setName(name: string): void
  busy: boolean
  submit(event: FormEvent): Promise<void>
}

/** Submits the cleaned name; closes when `onSubmit` says it worked. */
export function useNameForm(
  initial: string,
  onSubmit: (name: string) => Promise<boolean>,
  onClose: () => void
): NameForm {
  const [name, setName] = useState(initial)
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const clean = cleanPlaylistName(name)
    if (clean === '' || busy) return
    setBusy(true)
    const done = await onSubmit(clean)
    setBusy(false)
    if (done) onClose()
  }
  return { name, setName, busy, submit }
}

export function NameField(props: {
  form: NameForm
  className?: string
  selectOnFocus?: boolean
}): JSX.Element {
  const { t } = useTranslation()
  return (
    <label className={props.className}>
      {t('living.playlist.nameLabel')}
      <input
        type="text"
        value={props.form.name}
        maxLength={PLAYLIST_NAME_MAX}
        data-autofocus
        onChange={(e) => props.form.setName(e.target.value)}
        onFocus={props.selectOnFocus === true ? (e) => e.target.select() : undefined}
      />
    </label>
  )
}

export function NameFormFooter(props: {
  form: NameForm
  submitLabel: string
  onCancel(): void
}): JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="modal-footer">
      <button type="button" className="text-button" onClick={props.onCancel}>
        {t('living.playlist.cancel')}
      </button>
      <button
        type="submit"
        className="primary"
        disabled={props.form.busy || cleanPlaylistName(props.form.name) === ''}
      >
        {props.submitLabel}
      </button>
    </div>
  )
}
