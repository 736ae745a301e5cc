import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBytes, formatPast, formatRate, formatRelative } from '../../elements/intl-format'
import { ProgressMeter } from '../../elements/ProgressMeter'
import { useLocale } from '../../hooks/useLocale'
import { useNow } from '../../hooks/useNow'
import { useTasksStore } from '../../store/tasks-store'

/** The sync engine at a glance: what is pending, what downloads, when the next check is,
 * and one bar for every byte in flight. */
export function DownloadsSummary(): JSX.Element | null {
  const { t } = useTranslation()
  const locale = useLocale()
  const now = useNow(5000)
  const sync = useTasksStore((s) => s.sync)
  const progress = useTasksStore((s) => s.progress)

  let bytes = 0
  let total = 0
  let rate = 0
  let files = 0
  let unknown = false
  for (const entry of Object.values(progress)) {
    files += 1
    rate += entry.rate
    if (entry.total === null) unknown = true
    else {
      bytes += entry.bytes
      total += entry.total
    }
  }
  const active = Math.max(files, sync?.activeDownloads ?? 0)
  const value = total > 0 && !unknown ? bytes / total : null

  return (
    <div className="downloads-summary" data-testid="downloads-summary">
      <p className="sync-line">
        {sync && (
          <>
            {t('tasks.summary.pending', { count: sync.pendingTasks })}
            {t('tasks.summary.separator')}
            {sync.downloadsPaused
              ? t('tasks.summary.paused')
              : t('tasks.summary.downloads', {
                  active: sync.activeDownloads,
                  queued: sync.queuedDownloads
                })}
            {sync.lastPollAt !== null &&
              t('tasks.summary.separator') +
                t('tasks.summary.lastPoll', { when: formatPast(sync.lastPollAt, now, locale) })}
            {sync.nextPollAt !== null &&
              sync.nextPollAt > now &&
              t('tasks.summary.separator') +
                t('tasks.summary.nextPoll', { when: formatRelative(sync.nextPollAt, now, locale) })}
          </>
        )}
      </p>
      {active > 0 && (
        <div className="overall">
          <ProgressMeter
            value={value}
            label={t('tasks.summary.overallLabel')}
            valueText={
              total > 0
                ? t('tasks.item.bytesOf', {
                    bytes: formatBytes(bytes, locale),
                    total: formatBytes(total, locale)
                  })
                : undefined
            }
            testId="overall-progress"
          />
          <span className="overall-text">
            {t('tasks.summary.files', { count: active })}
            {total > 0 &&
              ' · ' +
                t('tasks.item.bytesOf', {
                  bytes: formatBytes(bytes, locale),
                  total: formatBytes(total, locale)
                })}
            {rate > 0 && ` · ${formatRate(rate, locale)}`}
          </span>
        </div>
      )}
    </div>
  )
}
