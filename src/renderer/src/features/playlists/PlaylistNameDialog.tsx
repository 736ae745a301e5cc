import { useState, type FormEvent, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../../elements/ModalDialog'
import '../../elements/buttons.css'

interface PlaylistNameDialogProps {
  title: string
  initial: string
  submitLabel: string
  onSubmit: (name: string) => Promise<boolean>
  onClose: () => void
}

/** Asks for a playlist's name (create and rename). The core trims and bounds it. */
export function PlaylistNameDialog(props: PlaylistNameDialogProps): JSX.Element {
  const { t } = useTranslation()
  const [name, setName] = useState(props.initial)
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!name.trim() || busy) return
    setBusy(true)
    const done = await props.onSubmit(name)
    setBusy(false)
    if (done) props.onClose()
  }
  return (
    <ModalDialog title={props.title} onClose={props.onClose} testId="playlist-name-dialog">
      <form className="playlist-name-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('living.playlist.nameLabel')}
          <input
            type="text"
            value={name}
            maxLength={120}
            data-autofocus
            onChange={(e) => setName(e.target.value)}
            onFocus={(e) => e.target.select()}
          />
        </label>
        <div className="modal-footer">
          <button type="button" className="text-button" onClick={props.onClose}>
            {t('living.playlist.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
