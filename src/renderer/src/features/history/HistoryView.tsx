import { useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { HistoryEntry } from '../../../../shared/history'
import { useHistoryStore } from '../../store/history-store'
import { ConfirmDialog } from '../../elements/ConfirmDialog'
import { formatClock, formatDateTime } from '../../elements/intl-format'
import { useLocale } from '../../hooks/useLocale'
import { call, onEvent } from '../../lib/bridge'
import { usePlayerStore } from '../../store/player-store'
import '../library/library.css'
import './history.css'

/** "Recently played": what was heard, for how long, and whether it counted as a play. */
export function HistoryView(): JSX.Element {
  const { t } = useTranslation()
  const locale = useLocale()
  const entries = useHistoryStore((s) => s.entries)
  const error = useHistoryStore((s) => s.error)
  const { load, clear: clearHistory } = useHistoryStore((s) => s.actions)
  const [confirming, setConfirming] = useState(false)
  const [resetCounts, setResetCounts] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    void load()
    // A finished or skipped listen is announced as a library change (plays moved).
    return onEvent('library-changed', () => void load())
  }, [load])

  const clear = async (): Promise<void> => {
    setConfirming(false)
    if (await clearHistory(resetCounts)) setNotice(t('living.history.cleared'))
  }

  const play = async (entry: HistoryEntry): Promise<void> => {
    const clip = await call('getClip', { id: entry.clipId }).catch(() => null)
    if (clip) usePlayerStore.getState().actions.playList([clip], 0)
  }

  return (
    <section className="library history-view" aria-labelledby="history-heading">
      <header className="library-toolbar history-header">
        <h1 id="history-heading">{t('living.history.title')}</h1>
        <button
          type="button"
          disabled={!entries || entries.length === 0}
          onClick={() => setConfirming(true)}
        >
          {t('living.history.clear')}
        </button>
      </header>
      <p className="muted small">{t('living.history.note')}</p>
      {error && (
        <p role="alert" className="load-error">
          {t('living.history.failed', { message: error })}
        </p>
      )}
      <p role="status" className="muted">
        {notice}
      </p>
      {entries && entries.length === 0 && <p className="muted">{t('living.history.empty')}</p>}
      {entries && entries.length > 0 && (
        <ol className="history-list" data-testid="history-list">
          {entries.map((entry) => {
            const heard = formatClock((entry.listenedMs ?? 0) / 1000)
            const what =
              entry.kind === 'finish'
                ? t('living.history.finish')
                : entry.counted
                  ? t('living.history.heard', { time: heard })
                  : t('living.history.skip', { time: heard })
            return (
              <li
                key={entry.id}
                className={`history-entry${entry.counted ? ' counted' : ''}`}
                data-testid="history-entry"
                data-kind={entry.kind}
                data-counted={entry.counted}
              >
                <button
                  type="button"
                  className="text-button history-title"
                  disabled={entry.title === null}
                  aria-label={t('living.history.play', { title: entry.title ?? entry.clipId })}
                  onClick={() => void play(entry)}
                >
                  {entry.title ?? t('living.history.gone')}
                </button>
                <span className="history-what">
                  {what}
                  {entry.counted && (
                    <span className="history-counted"> · {t('living.history.counted')}</span>
                  )}
                </span>
                <time className="muted small" dateTime={new Date(entry.at).toISOString()}>
                  {formatDateTime(entry.at, locale)}
                </time>
              </li>
            )
          })}
        </ol>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('living.history.clearTitle')}
          confirmLabel={t('living.history.clearConfirm')}
          cancelLabel={t('living.history.cancel')}
          danger
          onConfirm={() => void clear()}
          onCancel={() => setConfirming(false)}
          testId="clear-history-dialog"
        >
          <p>{t('living.history.clearBody')}</p>
          <label className="history-reset">
            <input
              type="checkbox"
              checked={resetCounts}
              onChange={(e) => setResetCounts(e.target.checked)}
            />{' '}
            {t('living.history.resetCounts')}
          </label>
        </ConfirmDialog>
      )}
    </section>
  )
}
