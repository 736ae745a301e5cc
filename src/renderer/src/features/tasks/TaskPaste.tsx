import { useDeferredValue, useMemo, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { extractTaskIds } from '../../../../shared/task-ids'
import { useTasksStore, type AddResult } from '../../store/tasks-store'

const PREVIEW_LIMIT = 40

interface TaskPasteProps {
  /** Called after ids were added (onboarding moves to its next step). */
  onAdded?: (result: AddResult) => void
}

/** Paste anything (generate-call JSON, logs, a list): the ids found are previewed, with
 * the near misses, before anything is added. */
export function TaskPaste({ onAdded }: TaskPasteProps): JSX.Element {
  const { t } = useTranslation()
  const tasks = useTasksStore((s) => s.tasks)
  const { add } = useTasksStore((s) => s.actions)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<AddResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const deferred = useDeferredValue(text)
  const found = useMemo(() => extractTaskIds(deferred), [deferred])
  const knownCount = useMemo(() => {
    const known = new Set(tasks.map((task) => task.id))
    return found.ids.filter((id) => known.has(id)).length
  }, [found, tasks])

  const submit = async (): Promise<void> => {
    const { ids } = extractTaskIds(text)
    if (ids.length === 0 || busy) return
    setBusy(true)
    setError(null)
    try {
      const added = await add(ids)
      setResult(added)
      setText('')
      onAdded?.(added)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  const hasText = deferred.trim().length > 0
  return (
    <div className="task-paste">
      <label htmlFor="task-paste" className="task-paste-label">
        {t('tasks.paste.label')}
      </label>
      <p id="task-paste-hint" className="hint">
        {t('tasks.paste.hint')}
      </p>
      <textarea
        id="task-paste"
        data-testid="task-paste"
        value={text}
        rows={4}
        spellCheck={false}
        aria-describedby="task-paste-hint task-paste-preview"
        placeholder={t('tasks.paste.placeholder')}
        onChange={(event) => {
          setText(event.currentTarget.value)
          setResult(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault()
            void submit()
          }
        }}
      />
      <div
        id="task-paste-preview"
        className="task-preview"
        data-testid="task-preview"
        aria-live="polite"
      >
        {hasText && found.ids.length === 0 && (
          <p className="preview-none">{t('tasks.paste.noneFound')}</p>
        )}
        {found.ids.length > 0 && (
          <>
            <p className="preview-summary">
              {t('tasks.paste.found', { count: found.ids.length })}
              {knownCount > 0 && ' ' + t('tasks.paste.alreadyListed', { count: knownCount })}
            </p>
            <ul className="preview-ids" aria-label={t('tasks.paste.foundList')}>
              {found.ids.slice(0, PREVIEW_LIMIT).map((id) => (
                <li key={id} className="id-chip" translate="no">
                  {id}
                </li>
              ))}
              {found.ids.length > PREVIEW_LIMIT && (
                <li className="id-more">
                  {t('tasks.paste.more', { count: found.ids.length - PREVIEW_LIMIT })}
                </li>
              )}
            </ul>
          </>
        )}
        {found.invalid.length > 0 && (
          <div className="preview-invalid" data-testid="task-preview-invalid">
            <p>{t('tasks.paste.invalid', { count: found.invalid.length })}</p>
            <ul className="preview-ids">
              {found.invalid.slice(0, PREVIEW_LIMIT).map((token) => (
                <li key={token} className="id-chip invalid" translate="no">
                  {token}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="task-paste-actions">
        <button
          type="button"
          className="primary"
          data-testid="task-add"
          disabled={found.ids.length === 0 || busy || text.trim() === ''}
          onClick={() => void submit()}
        >
          {found.ids.length > 0
            ? t('tasks.paste.add', { count: found.ids.length })
            : t('tasks.paste.addNone')}
        </button>
        <div role="status" className="task-paste-result" data-testid="task-add-result">
          {result &&
            [
              t('tasks.paste.resultAdded', { count: result.added.length }),
              result.known.length > 0
                ? t('tasks.paste.resultKnown', { count: result.known.length })
                : null,
              result.invalid.length > 0
                ? t('tasks.paste.resultInvalid', { count: result.invalid.length })
                : null
            ]
              .filter(Boolean)
              .join(t('tasks.paste.separator'))}
          {error && (
            <span className="error-text">{t('tasks.paste.failed', { reason: error })}</span>
          )}
        </div>
      </div>
    </div>
  )
}
