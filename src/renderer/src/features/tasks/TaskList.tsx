import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { MediaKind, TaskRow } from '../../../../shared/domain'
import { useNow } from '../../hooks/useNow'
import { useTasksStore } from '../../store/tasks-store'
import { TaskItem } from './TaskItem'
import { matchesFilter, TASK_FILTERS, type TaskFilter } from './task-phase'

interface TaskListProps {
  onRetry: (tasks: TaskRow[]) => void
  onRemove: (tasks: TaskRow[]) => void
  onRetryFile: (clipId: string, kind: MediaKind) => void
}

/** Newest first; virtual with measured rows, since a heavy user has thousands of tasks. */
export function TaskList({ onRetry, onRemove, onRetryFile }: TaskListProps): JSX.Element {
  const { t } = useTranslation()
  const tasks = useTasksStore((s) => s.tasks)
  const loaded = useTasksStore((s) => s.loaded)
  const loadError = useTasksStore((s) => s.loadError)
  const [filter, setFilter] = useState<TaskFilter>('all')
  const now = useNow(5000)
  const scrollRef = useRef<HTMLDivElement>(null)

  const counts = useMemo(() => {
    const out: Record<TaskFilter, number> = { all: 0, active: 0, done: 0, problems: 0 }
    for (const task of tasks) for (const f of TASK_FILTERS) if (matchesFilter(task, f)) out[f] += 1
    return out
  }, [tasks])
  const visible = useMemo(
    () => tasks.filter((task) => matchesFilter(task, filter)).sort((a, b) => b.addedAt - a.addedAt),
    [tasks, filter]
  )

  // TanStack Virtual returns fresh functions each render, so the React Compiler skips
  // this component; that is expected and harmless here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 76,
    overscan: 8,
    getItemKey: (i) => visible[i]?.id ?? i,
    initialRect: { width: 800, height: 600 }
  })

  return (
    <section className="task-list" aria-labelledby="task-list-title">
      <div className="task-list-header">
        <h2 id="task-list-title">{t('tasks.list.title')}</h2>
        <div className="filter-tabs" role="group" aria-label={t('tasks.list.filterLabel')}>
          {TASK_FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              className={f === filter ? 'filter-tab active' : 'filter-tab'}
              aria-pressed={f === filter}
              onClick={() => setFilter(f)}
            >
              {t(`tasks.filter.${f}`)} <span className="filter-count">{counts[f]}</span>
            </button>
          ))}
        </div>
        <div className="task-bulk">
          {filter === 'problems' && counts.problems > 0 && (
            <button type="button" className="text-button" onClick={() => onRetry(visible)}>
              {t('tasks.list.retryAll')}
            </button>
          )}
          {filter === 'done' && counts.done > 0 && (
            <button type="button" className="text-button" onClick={() => onRemove(visible)}>
              {t('tasks.list.removeAll')}
            </button>
          )}
        </div>
      </div>
      {loadError && (
        <p className="error-text" role="alert">
          {t('tasks.list.loadFailed')}
        </p>
      )}
      {loaded && !loadError && visible.length === 0 && (
        <p className="task-empty" data-testid="tasks-empty">
          {tasks.length === 0 ? t('tasks.list.empty') : t('tasks.list.emptyFilter')}
        </p>
      )}
      <div className="task-scroll" ref={scrollRef} data-testid="task-list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const task = visible[item.index]
            if (!task) return null
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="task-slot"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <TaskItem
                  task={task}
                  now={now}
                  onRetry={(one) => onRetry([one])}
                  onRemove={(one) => onRemove([one])}
                  onRetryFile={onRetryFile}
                />
              </div>
            )
          })}
        </div>
      </div>
    </section>
  )
}
