import { useEffect, useRef, useState, type JSX, type KeyboardEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { USER_TITLE_MAX } from '../../../../shared/clip-title'
import type { ClipDetail } from '../../../../shared/domain'
import { titleText } from '../../elements/clip-label-text'
import { errorReason } from '../../elements/ui-message'
import { saveTitle } from './clip-text-save'
import { useRenameRequest } from './rename-request'

// The detail panel's title, renamed in place (issue 13): click it, press F2 or choose
// "Rename…" (context menu); Enter or leaving the field saves, Escape cancels. An empty
// title puts the gateway's back; "Original title: …" shows while the user's title is used.

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  )
}

/** The title field while renaming: mounted per edit, so it starts from the shown title. */
function TitleInput({
  clip,
  headingRef,
  onError
}: {
  clip: ClipDetail
  headingRef: RefObject<HTMLHeadingElement | null>
  onError: (text: string | null) => void
}): JSX.Element {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(clip.title)
  const finished = useRef(false)

  const finish = (save: boolean): void => {
    if (finished.current) return
    finished.current = true
    useRenameRequest.getState().stop()
    requestAnimationFrame(() => headingRef.current?.focus())
    onError(null)
    if (!save || draft.trim() === clip.title) return
    saveTitle(clip.id, clip.title, draft).catch((failure: unknown) => {
      onError(t('clipText.failed', { message: errorReason(failure) }))
    })
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      finish(true)
    } else if (event.key === 'Escape') {
      // Escape cancels the edit; it does not also close the panel.
      event.preventDefault()
      finish(false)
    }
  }
  return (
    <>
      <input
        className="clip-title-input"
        aria-label={t('clipText.titleLabel')}
        aria-describedby="clip-title-help"
        data-testid="clip-title-input"
        value={draft}
        maxLength={USER_TITLE_MAX}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => finish(true)}
      />
      <p id="clip-title-help" className="muted clip-title-help">
        {t('clipText.titleHelp')}
      </p>
    </>
  )
}

export function ClipTitleEditor({
  clip,
  headingRef
}: {
  clip: ClipDetail
  headingRef: RefObject<HTMLHeadingElement | null>
}): JSX.Element {
  const { t } = useTranslation()
  const editing = useRenameRequest((s) => s.editingId === clip.id)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== 'F2' || event.defaultPrevented || typing(event.target)) return
      if (document.querySelector('[role="dialog"]')) return
      event.preventDefault()
      useRenameRequest.getState().start(clip.id)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [clip.id])

  return (
    <div className="clip-title-block">
      {editing && <TitleInput clip={clip} headingRef={headingRef} onError={setError} />}
      <h2
        id="clip-detail-title"
        ref={headingRef}
        tabIndex={-1}
        className="clip-title clip-title-editable"
        title={t('clipText.renameHint')}
        hidden={editing}
        onClick={() => useRenameRequest.getState().start(clip.id)}
      >
        {titleText(t, clip)}
      </h2>
      {clip.originalTitle != null && !editing && (
        <p className="muted clip-original" data-testid="clip-original">
          {t('clipText.original', { title: clip.originalTitle || t('library.untitled') })}
        </p>
      )}
      {error && (
        <p role="alert" className="clip-text-error">
          {error}
        </p>
      )}
    </div>
  )
}
