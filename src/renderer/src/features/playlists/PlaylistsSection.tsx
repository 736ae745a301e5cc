import { useState, type DragEvent, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlaylistSummary } from '../../../../shared/playlists'
import { useAppActions, useAppStore } from '../../store/app-store'
import { usePlaylistsStore } from '../../store/playlists-store'
import { activeClipDrag, endClipDrag, isClipDrag } from './clip-drag'
import { PlaylistNameDialog } from './PlaylistNameDialog'
import { SmartPlaylistDialog } from './SmartPlaylistDialog'
import { PlaylistToast } from './PlaylistToast'
import { usePlaylistsLive } from './usePlaylistsLive'
import { useNavCollapsed } from '../layout/nav-collapse'
import './playlists.css'

/** The sidebar's playlists: each opens its view and takes clips dropped on it. */
export function PlaylistsSection(): JSX.Element {
  const { t } = useTranslation()
  const list = usePlaylistsStore((s) => s.list)
  const { create } = usePlaylistsStore((s) => s.actions)
  const { openPlaylist } = useAppActions()
  const [creating, setCreating] = useState<'manual' | 'smart' | null>(null)
  usePlaylistsLive()
  return (
    <section className="sidebar-playlists" aria-labelledby="sidebar-playlists-heading">
      <div className="sidebar-heading">
        <h2 id="sidebar-playlists-heading">{t('living.nav.playlists')}</h2>
        <span className="sidebar-heading-actions">
          <button
            type="button"
            className="round-button"
            aria-label={t('living.nav.newSmart')}
            title={t('living.nav.newSmart')}
            onClick={() => setCreating('smart')}
          >
            ✦
          </button>
          <button
            type="button"
            className="round-button"
            aria-label={t('living.nav.newPlaylist')}
            title={t('living.nav.newPlaylist')}
            onClick={() => setCreating('manual')}
          >
            +
          </button>
        </span>
      </div>
      <ul data-testid="sidebar-playlists">
        {list.map((playlist) => (
          <PlaylistLink key={playlist.id} playlist={playlist} />
        ))}
      </ul>
      <PlaylistToast />
      {creating === 'smart' && (
        <SmartPlaylistDialog
          onClose={() => setCreating(null)}
          onSubmit={async (name, rule) => {
            const created = await create(name, rule)
            if (created) openPlaylist(created.id)
            return created !== null
          }}
        />
      )}
      {creating === 'manual' && (
        <PlaylistNameDialog
          title={t('living.playlist.createTitle')}
          initial={t('living.playlist.untitled')}
          submitLabel={t('living.playlist.create')}
          onClose={() => setCreating(null)}
          onSubmit={async (name) => {
            const created = await create(name)
            if (created) openPlaylist(created.id)
            return created !== null
          }}
        />
      )}
    </section>
  )
}

function PlaylistLink({ playlist }: { playlist: PlaylistSummary }): JSX.Element {
  const { t } = useTranslation()
  const active = useAppStore((s) => s.view === 'playlist' && s.playlistId === playlist.id)
  const { openPlaylist } = useAppActions()
  const addClips = usePlaylistsStore((s) => s.actions.addClips)
  const notifyAdded = usePlaylistsStore((s) => s.actions.notifyAdded)
  const [over, setOver] = useState(false)
  const accepts = playlist.kind === 'manual'
  const collapsed = useNavCollapsed()

  const onDragOver = (event: DragEvent): void => {
    if (!accepts || !isClipDrag(event)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    setOver(true)
  }
  const onDrop = (event: DragEvent): void => {
    setOver(false)
    const drag = activeClipDrag()
    if (!accepts || !drag) return
    event.preventDefault()
    event.stopPropagation()
    endClipDrag()
    void addClips(playlist.id, drag.clipIds).then((added) => {
      if (added > 0) notifyAdded(playlist.name, added)
    })
  }
  return (
    <li>
      <button
        type="button"
        className={`nav-item playlist-link${active ? ' active' : ''}${over ? ' drop-over' : ''}`}
        aria-current={active ? 'page' : undefined}
        data-testid="playlist-link"
        data-playlist-id={playlist.id}
        title={
          collapsed
            ? playlist.name
            : accepts
              ? t('living.nav.dropHint', { name: playlist.name })
              : undefined
        }
        onClick={() => openPlaylist(playlist.id)}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span className="playlist-glyph" aria-hidden="true">
          {playlist.kind === 'smart' ? '✦' : '♫'}
        </span>
        <span className="playlist-name">{playlist.name}</span>
        <span className="playlist-count" data-testid="playlist-count">
          {playlist.count}
        </span>
      </button>
    </li>
  )
}
