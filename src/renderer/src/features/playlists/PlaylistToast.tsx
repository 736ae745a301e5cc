import { useEffect, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppActions } from '../../store/app-store'
import { usePlaylistsStore } from '../../store/playlists-store'

/** Long enough to reach Undo with the keyboard; errors stay until dismissed. */
const TOAST_MS = 8000

/** What the last playlist action did: "Deleted … Undo", "Added 3 songs to …", or why it
 * failed. A live region, so screen readers hear it. */
export function PlaylistToast(): JSX.Element {
  const { t } = useTranslation()
  const toast = usePlaylistsStore((s) => s.toast)
  const { undoRemove, dismissToast } = usePlaylistsStore((s) => s.actions)
  const { openPlaylist } = useAppActions()
  useEffect(() => {
    if (!toast || toast.kind === 'error') return
    const timer = setTimeout(() => dismissToast(toast.id), TOAST_MS)
    return () => clearTimeout(timer)
  }, [toast, dismissToast])
  let text = ''
  if (toast?.kind === 'deleted') text = t('living.playlist.deleted', { name: toast.playlist.name })
  if (toast?.kind === 'added') {
    text = t('living.playlist.added', { count: toast.count, name: toast.name })
  }
  if (toast?.kind === 'error') text = t('living.playlist.failed', { message: toast.message })
  return (
    <div role="status" className="playlist-toast-slot">
      {toast && (
        <div className={`notice playlist-toast ${toast.kind}`} data-testid="playlist-toast">
          <span>{text}</span>
          {toast.kind === 'deleted' && (
            <button
              type="button"
              className="text-button"
              onClick={() =>
                void undoRemove().then((restored) => restored && openPlaylist(restored.id))
              }
            >
              {t('living.playlist.undo')}
            </button>
          )}
          <button
            type="button"
            className="round-button"
            aria-label={t('living.playlist.dismiss')}
            onClick={() => dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      )}
    </div>
  )
}
