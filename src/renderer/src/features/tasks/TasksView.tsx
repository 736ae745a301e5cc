import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { MediaKind, TaskRow } from '../../../../shared/domain'
import { sumOverChunks } from '../../lib/id-chunks'
import { ModalDialog } from '../../elements/ModalDialog'
import { errorReason, type UiMessage } from '../../elements/ui-message'
import { useSyncStateLive, useTasksLive } from '../../hooks/useTasksLive'
import { useTasksStore } from '../../store/tasks-store'
import { DownloadsSummary } from './DownloadsSummary'
import { TaskList } from './TaskList'
import { TaskPaste } from './TaskPaste'
import '../../elements/buttons.css'
import './tasks.css'

export function TasksView(): JSX.Element {
  const { t } = useTranslation()
  useTasksLive()
  useSyncStateLive()
  const sync = useTasksStore((s) => s.sync)
  const actions = useTasksStore((s) => s.actions)
  const [confirmRemove, setConfirmRemove] = useState<TaskRow[] | null>(null)
  // A message about a check that is under way holds only until that check has happened
  // (`untilPollAfter`): no "Checking the gateway now…" left standing (issue 13, defect 9).
  const [message, setMessage] = useState<(UiMessage & { untilPollAfter?: number }) | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (work: () => Promise<UiMessage | null>): Promise<void> => {
    setBusy(true)
    try {
      setMessage(await work())
    } catch (error) {
      setMessage({ key: 'tasks.actionFailed', values: { reason: errorReason(error) } })
    } finally {
      setBusy(false)
    }
  }

  const retry = (tasks: TaskRow[]): void =>
    void run(async () => {
      const at = Date.now()
      const changed = await sumOverChunks(
        tasks.map((task) => task.id),
        actions.retry
      )
      return { key: 'tasks.retried', values: { count: changed }, untilPollAfter: at }
    })
  const retryFile = (clipId: string, kind: MediaKind): void =>
    void run(async () => {
      await actions.retryDownload(clipId, kind)
      return { key: 'tasks.fileRetried' }
    })
  const remove = (tasks: TaskRow[]): void => {
    const ids = tasks.map((task) => task.id)
    setConfirmRemove(null)
    void run(async () => ({
      key: 'tasks.removed',
      values: { count: await sumOverChunks(ids, actions.remove) }
    }))
  }

  const paused = sync?.downloadsPaused ?? false
  const stale =
    message?.untilPollAfter !== undefined && (sync?.lastPollAt ?? 0) >= message.untilPollAfter
  const shown = stale ? null : message
  return (
    <section className="tasks-view">
      <header className="view-header">
        <h1>{t('tasks.title')}</h1>
        <div className="toolbar">
          <button
            type="button"
            className="text-button"
            data-testid="poll-now"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const at = Date.now()
                await actions.pollNow()
                if ((sync?.pendingTasks ?? 0) === 0) return { key: 'tasks.nothingToCheck' }
                return { key: 'tasks.polling', untilPollAfter: at }
              })
            }
          >
            {t('tasks.pollNow')}
          </button>
          <button
            type="button"
            className="text-button"
            data-testid="toggle-downloads"
            aria-pressed={paused}
            disabled={busy || !sync}
            onClick={() =>
              void run(async () => {
                if (paused) await actions.resumeDownloads()
                else await actions.pauseDownloads()
                return null
              })
            }
          >
            {paused ? t('tasks.resume') : t('tasks.pause')}
          </button>
        </div>
      </header>
      <DownloadsSummary />
      <TaskPaste />
      <p role="status" className="tasks-message">
        {shown && t(shown.key, shown.values ?? {})}
      </p>
      <TaskList
        onRetry={retry}
        onRemove={(tasks) => setConfirmRemove(tasks)}
        onRetryFile={retryFile}
      />
      {confirmRemove && (
        <ModalDialog
          title={t('tasks.confirmRemove.title', { count: confirmRemove.length })}
          onClose={() => setConfirmRemove(null)}
          testId="confirm-remove"
          footer={
            <>
              <button
                type="button"
                className="text-button"
                data-autofocus
                onClick={() => setConfirmRemove(null)}
              >
                {t('tasks.confirmRemove.cancel')}
              </button>
              <button
                type="button"
                className="primary danger"
                onClick={() => remove(confirmRemove)}
              >
                {t('tasks.confirmRemove.confirm', { count: confirmRemove.length })}
              </button>
            </>
          }
        >
          <p>{t('tasks.confirmRemove.body', { count: confirmRemove.length })}</p>
          {confirmRemove.length === 1 && (
            <p>
              <code translate="no">{confirmRemove[0]?.id}</code>
            </p>
          )}
        </ModalDialog>
      )}
    </section>
  )
}
