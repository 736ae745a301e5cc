import { useState, type JSX, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTE_MAX } from '../../../../shared/clip-title'
import type { ClipDetail } from '../../../../shared/domain'
import { errorReason } from '../../elements/ui-message'
import { saveNote } from './clip-text-save'

// The user's note on a clip (issue 13), kept in the index and the sidecar and found by
// search. Saved when the field is left or with Ctrl/Cmd+Enter; "Saved" says it was.
// Mounted per clip (keyed by id), so a note typed for one clip never lands on another.

type Status =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; text: string }

export function ClipNote({ clip }: { clip: ClipDetail }): JSX.Element {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(clip.note ?? '')
  const [saved, setSaved] = useState(clip.note ?? '')
  const [status, setStatus] = useState<Status>({ kind: 'idle' })

  const save = (): void => {
    if (draft === saved) return
    setStatus({ kind: 'saving' })
    saveNote(clip.id, draft).then(
      (result) => {
        setSaved(draft)
        if (
          result.note !== null &&
          result.note !== draft &&
          document.activeElement?.id !== 'clip-note'
        )
          setDraft(result.note)
        setStatus({ kind: 'saved' })
      },
      (failure: unknown) => setStatus({ kind: 'failed', text: errorReason(failure) })
    )
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      save()
    } else if (event.key === 'Escape') {
      // Leaves the field (saving it) instead of closing the panel under the typing.
      event.preventDefault()
      event.currentTarget.blur()
    }
  }

  return (
    <section className="clip-section clip-note" aria-labelledby="clip-note-label">
      <h3 id="clip-note-label">
        <label htmlFor="clip-note">{t('clipText.noteLabel')}</label>
      </h3>
      <textarea
        id="clip-note"
        data-testid="clip-note"
        rows={3}
        maxLength={NOTE_MAX}
        placeholder={t('clipText.notePlaceholder')}
        aria-describedby="clip-note-help"
        value={draft}
        onChange={(event) => {
          setDraft(event.currentTarget.value)
          if (status.kind === 'saved') setStatus({ kind: 'idle' })
        }}
        onKeyDown={onKeyDown}
        onBlur={save}
      />
      <p id="clip-note-help" className="muted clip-note-help">
        <span>
          {t('clipText.noteHelpBefore')} <kbd>Ctrl/⌘+Enter</kbd>
          {t('clipText.noteHelpAfter')}
        </span>{' '}
        <span role="status" data-testid="clip-note-status" className="clip-note-status">
          {status.kind === 'saving'
            ? t('clipText.saving')
            : status.kind === 'saved'
              ? t('clipText.saved')
              : status.kind === 'failed'
                ? t('clipText.failed', { message: status.text })
                : ''}
        </span>
      </p>
    </section>
  )
}
