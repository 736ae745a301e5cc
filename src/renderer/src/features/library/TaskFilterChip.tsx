import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useLibraryStore } from '../../store/library-store'
import { shortTaskId } from './task-filter'

/** The visible, removable sign that the library shows one task's songs only. */
export function TaskFilterChip(): JSX.Element | null {
  const { t } = useTranslation()
  const taskId = useLibraryStore((s) => s.filter.taskId)
  const showTask = useLibraryStore((s) => s.actions.showTask)
  if (!taskId) return null
  return (
    <div className="filter-chips" role="group" aria-label={t('library.filters.title')}>
      <span className="filter-chip" data-testid="task-filter-chip" title={taskId}>
        <span translate="no">{t('everyday.taskFilter.chip', { id: shortTaskId(taskId) })}</span>
        <button
          type="button"
          className="filter-chip-remove"
          aria-label={t('everyday.taskFilter.remove')}
          title={t('everyday.taskFilter.remove')}
          onClick={() => showTask(null)}
        >
          ×
        </button>
      </span>
    </div>
  )
}
