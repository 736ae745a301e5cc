import {
  useCallback,
  useEffect,
  useState,
  type DragEvent,
  type HTMLAttributes,
  type JSX
} from 'react'
import { useTranslation } from 'react-i18next'
import { ClipDetailPanel } from '../clip/ClipDetailPanel'
import { ClipList } from '../library/ClipList'
import { LibraryNotice } from '../library/LibraryNotice'
import { TypeAheadHint } from '../library/TypeAheadHint'
import { useLibraryEvents } from '../library/useLibraryEvents'
import { useBridgeEvent } from '../../hooks/useBridgeEvent'
import { call } from '../../lib/bridge'
import { useAppStore } from '../../store/app-store'
import { useClipStore } from '../../store/clip-store'
import { useLibraryStore } from '../../store/library-store'
import { usePlaylistsStore } from '../../store/playlists-store'
import { useSelectionStore } from '../../store/selection-store'
import { activeClipDrag, endClipDrag } from './clip-drag'
import { PlaylistHeader } from './PlaylistHeader'
import { reorderTarget } from './reorder'
import { SmartPlaylistDialog } from './SmartPlaylistDialog'
import { cleanPlaylistName } from '../../../../shared/text'
import '../library/library.css'
import './playlists.css'

const HEADING_ID = 'playlist-heading'
const DROP_CLASS = 'drop-target'

/** A playlist: its header and its clips in the library's own virtualised list (same
 * paging, selection, keys and detail panel), in the playlist's order. A manual
 * playlist's rows are dragged to reorder it. */
export function PlaylistView(): JSX.Element {
  const { t } = useTranslation()
  const id = useAppStore((s) => s.playlistId)
  const playlist = usePlaylistsStore((s) => s.list.find((p) => p.id === id) ?? null)
  const loaded = usePlaylistsStore((s) => s.loaded)
  const showing = useLibraryStore((s) => s.source.kind === 'playlist' && s.source.id === id)
  const total = useLibraryStore((s) => (showing ? s.total : null))
  const answered = useLibraryStore((s) => s.totalVersion === s.queryVersion)
  const { setSource, refresh } = useLibraryStore((s) => s.actions)
  const panelOpen = useClipStore((s) => s.openId !== null)
  const [moveError, setMoveError] = useState<string | null>(null)
  const [editingRule, setEditingRule] = useState(false)
  const { rename, setRule } = usePlaylistsStore((s) => s.actions)
  useLibraryEvents()
  useBridgeEvent('library-changed', (change) => {
    if (change.kind !== 'playlists' && change.kind !== 'clips') return
    if (id && change.playlistIds.includes(id)) void refresh()
  })
  useEffect(() => {
    if (id) setSource({ kind: 'playlist', id })
  }, [id, setSource])

  const manual = playlist?.kind === 'manual'
  const rowProps = useCallback(
    (index: number): HTMLAttributes<HTMLDivElement> => ({
      onDragOver: (event: DragEvent<HTMLDivElement>) => {
        if (!activeClipDrag()) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'move'
        event.currentTarget.classList.add(DROP_CLASS)
      },
      onDragLeave: (event: DragEvent<HTMLDivElement>) =>
        event.currentTarget.classList.remove(DROP_CLASS),
      onDrop: (event: DragEvent<HTMLDivElement>) => {
        event.currentTarget.classList.remove(DROP_CLASS)
        const drag = activeClipDrag()
        if (!drag || !id) return
        event.preventDefault()
        endClipDrag()
        const to = reorderTarget(drag.indices, index)
        const itemIds = useLibraryStore.getState().actions.itemIdsAt(drag.indices)
        if (to === null || itemIds.length === 0) return
        useSelectionStore.getState().actions.clear()
        call('movePlaylistItems', { id, itemIds, to }).then(
          () => setMoveError(null),
          (error: unknown) => setMoveError(error instanceof Error ? error.message : String(error))
        )
      }
    }),
    [id]
  )

  if (!playlist) {
    return (
      <section className="library playlist-view" aria-busy={!loaded}>
        <p className="muted">{loaded ? t('living.playlist.gone') : t('app.loading')}</p>
      </section>
    )
  }
  const empty = showing && answered && total === 0
  return (
    <section className="library library-view playlist-view" aria-labelledby={HEADING_ID}>
      <PlaylistHeader
        playlist={playlist}
        headingId={HEADING_ID}
        onEditRule={() => setEditingRule(true)}
      />
      {editingRule && (
        <SmartPlaylistDialog
          name={playlist.name}
          rule={playlist.rule}
          onClose={() => setEditingRule(false)}
          onSubmit={async (name, rule) =>
            (cleanPlaylistName(name) === playlist.name || (await rename(playlist.id, name))) &&
            setRule(playlist.id, rule)
          }
        />
      )}
      {moveError && (
        <p role="alert" className="load-error">
          {t('living.playlist.failed', { message: moveError })}
        </p>
      )}
      <div className={`library-body${panelOpen ? ' with-panel' : ''}`}>
        <div className="library-results">
          {empty ? (
            <p className="muted playlist-empty" data-testid="playlist-empty">
              {manual ? t('living.playlist.empty') : t('living.playlist.emptySmart')}
            </p>
          ) : showing && total !== null ? (
            <ClipList sortable={false} rowProps={manual ? rowProps : undefined} />
          ) : (
            <p className="muted">{t('app.loading')}</p>
          )}
          <TypeAheadHint />
        </div>
        {panelOpen && <ClipDetailPanel />}
      </div>
      <LibraryNotice />
    </section>
  )
}
