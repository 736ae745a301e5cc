import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { MEDIA_KINDS, type TaskRow } from '../../../../shared/domain'
import {
  formatBytes,
  formatDateTime,
  formatPast,
  formatRate,
  formatRelative
} from '../../elements/intl-format'
import { ProgressMeter } from '../../elements/ProgressMeter'
import { useLocale } from '../../hooks/useLocale'
import { progressKey, useTasksStore, type ProgressEntry } from '../../store/tasks-store'
import { canRetry, PHASE_TONE } from './task-phase'
import { RefusedClips } from './RefusedClips'
import { TaskAnswer } from './TaskAnswer'
import { TaskLyrics } from './TaskLyrics'
import { fileErrorText } from '../../elements/file-error-text'
import { TaskSongs } from './TaskSongs'
import { showTaskSongs } from '../library/task-filter'

interface TaskItemProps {
  task: TaskRow
  now: number
  onRetry: (task: TaskRow) => void
  onRemove: (task: TaskRow) => void
  onRetryFile: (clipId: string, kind: (typeof MEDIA_KINDS)[number]) => void
}

const shortId = (id: string): string => (id.length > 12 ? `${id.slice(0, 8)}…` : id)

export function TaskItem({
  task,
  now,
  onRetry,
  onRemove,
  onRetryFile
}: TaskItemProps): JSX.Element {
  const { t } = useTranslation()
  const locale = useLocale()
  const files = useTasksStore(
    useShallow((s) => {
      const out: ProgressEntry[] = []
      for (const clipId of task.clipIds) {
        for (const kind of MEDIA_KINDS) {
          const entry = s.progress[progressKey(clipId, kind)]
          if (entry) out.push(entry)
        }
      }
      return out
    })
  )
  const tone = PHASE_TONE[task.phase]

  return (
    <article
      className="task-item"
      data-testid="task-item"
      data-task-id={task.id}
      data-phase={task.phase}
    >
      <div className="task-line">
        <span className={`phase-badge tone-${tone}`} data-testid="task-phase">
          {t(`tasks.phase.${task.phase}`)}
        </span>
        <code className="task-id" translate="no" title={task.id}>
          {task.id}
        </code>
        <span className="task-added" title={formatDateTime(task.addedAt, locale)}>
          {t('tasks.item.added', { when: formatPast(task.addedAt, now, locale) })}
        </span>
        <span className="task-actions">
          {task.clipIds.length > 0 && (
            <button
              type="button"
              className="text-button"
              data-testid="task-show-songs"
              onClick={() => showTaskSongs(task.id)}
              aria-label={t('everyday.taskFilter.showLabel', { id: task.id })}
            >
              {t('everyday.taskFilter.show')}
            </button>
          )}
          {canRetry(task) && (
            <button
              type="button"
              className="text-button"
              onClick={() => onRetry(task)}
              aria-label={t('tasks.item.retryLabel', { id: task.id })}
            >
              {t('tasks.item.retry')}
            </button>
          )}
          <button
            type="button"
            className="text-button"
            onClick={() => onRemove(task)}
            aria-label={t('tasks.item.removeLabel', { id: task.id })}
          >
            {t('tasks.item.remove')}
          </button>
        </span>
      </div>

      <p className="task-detail">
        <PhaseDetail task={task} now={now} locale={locale} />
      </p>

      <TaskSongs task={task} />

      {task.problem && <TaskAnswer answer={task.problem.answer} />}

      {task.lyrics && <TaskLyrics title={task.lyrics.title} text={task.lyrics.text} />}

      {task.refusedClips && <RefusedClips clips={task.refusedClips} />}

      {task.phase === 'downloading' && task.filesTotal > 0 && (
        <ProgressMeter
          small
          value={task.filesDone / task.filesTotal}
          label={t('tasks.item.filesLabel', { id: task.id })}
          valueText={t('tasks.item.files', { done: task.filesDone, total: task.filesTotal })}
        />
      )}

      {files.length > 0 && (
        <ul className="task-files">
          {files.map((file) => (
            <li
              key={progressKey(file.clipId, file.kind)}
              className="task-file"
              data-testid="file-progress"
            >
              <span className="file-name">
                {t(`tasks.kind.${file.kind}`)} <code translate="no">{shortId(file.clipId)}</code>
              </span>
              <ProgressMeter
                small
                value={file.total ? file.bytes / file.total : null}
                label={t('tasks.item.fileLabel', {
                  kind: t(`tasks.kind.${file.kind}`),
                  clip: shortId(file.clipId)
                })}
                valueText={
                  file.total
                    ? t('tasks.item.bytesOf', {
                        bytes: formatBytes(file.bytes, locale),
                        total: formatBytes(file.total, locale)
                      })
                    : formatBytes(file.bytes, locale)
                }
              />
              <span className="file-numbers">
                {file.total
                  ? t('tasks.item.bytesOf', {
                      bytes: formatBytes(file.bytes, locale),
                      total: formatBytes(file.total, locale)
                    })
                  : formatBytes(file.bytes, locale)}
                {file.rate > 0 && ` · ${formatRate(file.rate, locale)}`}
              </span>
            </li>
          ))}
        </ul>
      )}

      {task.fileErrors.length > 0 && (
        <ul className="task-file-errors" data-testid="task-file-errors">
          {task.fileErrors.map((fileError) => (
            <li key={progressKey(fileError.clipId, fileError.kind)}>
              <span>
                {t('tasks.item.fileError', {
                  kind: t(`tasks.kind.${fileError.kind}`),
                  clip: shortId(fileError.clipId)
                })}{' '}
                {fileErrorText(fileError) ?? (
                  <span className="core-message">{fileError.error}</span>
                )}
              </span>
              <button
                type="button"
                className="text-button small"
                onClick={() => onRetryFile(fileError.clipId, fileError.kind)}
              >
                {t('tasks.item.retryFile')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}

function PhaseDetail({
  task,
  now,
  locale
}: {
  task: TaskRow
  now: number
  locale: string
}): JSX.Element {
  const { t } = useTranslation()
  const next =
    task.nextPollAt !== null && task.nextPollAt > now
      ? ' ' + t('tasks.item.nextCheck', { when: formatRelative(task.nextPollAt, now, locale) })
      : ''
  switch (task.phase) {
    case 'waiting':
      return <>{t('tasks.detail.waiting') + next}</>
    case 'generating':
      return <>{t('tasks.detail.generating') + next}</>
    case 'downloading':
      return <>{t('tasks.item.files', { done: task.filesDone, total: task.filesTotal })}</>
    case 'done':
      return task.lyrics && task.clipIds.length === 0 ? (
        <>{t('tasks.detail.lyricsDone')}</>
      ) : (
        <>{t('tasks.detail.done', { count: task.clipIds.length })}</>
      )
    case 'failed':
      return (
        <>
          {t('tasks.detail.failed')}{' '}
          {task.failReason === null ? (
            <span data-testid="task-fail-reason">{t('tasks.detail.noReason')}</span>
          ) : (
            // The gateway's own words, never passed off as ours: a translated lead, then
            // its text quoted as it came.
            <>
              {t('tasks.detail.gatewaySaid')}{' '}
              <q
                className="core-message gateway-words"
                translate="no"
                data-testid="task-fail-reason"
              >
                {task.failReason}
              </q>
            </>
          )}
        </>
      )
    case 'not_found':
      return <>{t('tasks.detail.notFound')}</>
    case 'stale':
      return <>{t('tasks.detail.stale') + next}</>
    case 'unreadable':
      return (
        <span data-testid="task-unreadable">
          {t('tasks.detail.unreadable')}{' '}
          {task.problem?.final === true
            ? t('tasks.detail.unreadableFinal', { count: task.problem.answers })
            : t('tasks.detail.unreadableRetrying') + next}
        </span>
      )
  }
}
