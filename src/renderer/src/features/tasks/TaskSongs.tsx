import { useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipRow, TaskRow } from '../../../../shared/domain'
import { ClipTitle } from '../../elements/ClipTitle'
import { labelText } from '../../elements/clip-label-text'
import { Cover } from '../../elements/Cover'
import { call, mediaUrl } from '../../lib/bridge'
import { runMenuCommand } from '../shortcuts/useMenuCommands'
import './task-songs.css'

/** The most songs one task lists (a Suno task makes two; extend and cover tasks a few). */
const MAX_SONGS = 20

/** A task's songs, read as the library's slim rows: titles with their take and covers once
 * finished (a click opens the song in the library), and while it is still generating what
 * the gateway already said, title and style, instead of only the task's id. */
export function TaskSongs({ task }: { task: TaskRow }): JSX.Element | null {
  const { t } = useTranslation()
  const [rows, setRows] = useState<ClipRow[]>([])
  const ids = task.clipIds.slice(0, MAX_SONGS)
  const key = `${ids.join(',')}|${task.phase}|${task.filesDone}`
  useEffect(() => {
    if (ids.length === 0) return
    let live = true
    call('clipRowsByIds', { ids })
      .then((answer) => {
        if (!live) return
        const order = new Map(ids.map((id, i) => [id, i]))
        setRows([...answer.rows].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)))
      })
      .catch(() => {
        if (live) setRows([])
      })
    return () => {
      live = false
    }
    // `key` names everything the rows depend on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  if (ids.length === 0 || rows.length === 0) return null
  const finished = task.phase === 'done' || task.phase === 'downloading'
  return (
    <ul
      className="task-songs"
      data-testid="task-songs"
      aria-label={t('everyday.taskSongs.label', { id: task.id })}
    >
      {rows.map((row) => {
        const body = (
          <>
            <Cover src={row.hasCover ? mediaUrl(row.id, 'cover') : null} size={36} />
            <span className="task-song-text">
              <span className="task-song-title">
                <ClipTitle clip={row} />
              </span>
              {row.styleTags && <span className="task-song-style">{row.styleTags}</span>}
            </span>
          </>
        )
        return (
          <li key={row.id}>
            {finished ? (
              <button
                type="button"
                className="task-song"
                data-testid="task-song"
                title={t('everyday.taskSongs.open', { title: labelText(t, row) })}
                onClick={() => runMenuCommand('open-clip', row.id)}
              >
                {body}
              </button>
            ) : (
              <span className="task-song" data-testid="task-song">
                {body}
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}
