import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlaylistSummary } from '../../../../shared/playlists'
import { call } from '../../lib/bridge'
import { useAppActions } from '../../store/app-store'
import { useLibraryStore } from '../../store/library-store'
import { usePlaylistsStore } from '../../store/playlists-store'
import { selectionCount, useSelectionStore } from '../../store/selection-store'
import { playPlaylist, selectedIndices } from './playlist-play'
import { PlaylistNameDialog } from './PlaylistNameDialog'

/** The playlist's name, what it is, and what can be done with it. */
export function PlaylistHeader(props: {
  playlist: PlaylistSummary
  headingId: string
  onEditRule?: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const { playlist } = props
  const { rename, remove } = usePlaylistsStore((s) => s.actions)
  const { setView } = useAppActions()
  const total = useLibraryStore((s) => s.total) ?? 0
  const selected = useSelectionStore((s) => selectionCount(s, total))
  const [renaming, setRenaming] = useState(false)
  const manual = playlist.kind === 'manual'

  const removeSelected = async (): Promise<void> => {
    const itemIds = useLibraryStore.getState().actions.itemIdsAt(selectedIndices())
    if (itemIds.length === 0) return
    useSelectionStore.getState().actions.clear()
    await call('removeFromPlaylist', { id: playlist.id, itemIds }).catch(() => undefined)
  }

  return (
    <header className="library-toolbar playlist-header">
      <div className="playlist-title">
        <h1 id={props.headingId}>{playlist.name}</h1>
        <span className="muted" data-testid="playlist-summary">
          {manual ? t('living.playlist.manual') : t('living.playlist.smart')} ·{' '}
          {t('living.playlist.count', { count: total })}
        </span>
      </div>
      <div className="playlist-actions">
        <button
          type="button"
          className="primary"
          disabled={total === 0}
          onClick={() => playPlaylist(false)}
        >
          {t('living.playlist.play')}
        </button>
        <button type="button" disabled={total === 0} onClick={() => playPlaylist(true)}>
          {t('living.playlist.shuffle')}
        </button>
        {manual && selected > 0 && (
          <button type="button" onClick={() => void removeSelected()}>
            {t('living.playlist.remove')}
          </button>
        )}
        {!manual && props.onEditRule && (
          <button type="button" onClick={props.onEditRule}>
            {t('living.playlist.editRule')}
          </button>
        )}
        <button type="button" onClick={() => setRenaming(true)}>
          {t('living.playlist.rename')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() =>
            void remove(playlist.id).then((done) => {
              if (done) setView('library')
            })
          }
        >
          {t('living.playlist.delete')}
        </button>
      </div>
      {renaming && (
        <PlaylistNameDialog
          title={t('living.playlist.renameTitle')}
          initial={playlist.name}
          submitLabel={t('living.playlist.save')}
          onClose={() => setRenaming(false)}
          onSubmit={(name) => rename(playlist.id, name)}
        />
      )}
    </header>
  )
}
