import { useEffect } from 'react'
import { onEvent } from '../../lib/bridge'
import { usePlaylistsStore } from '../../store/playlists-store'

/** Keeps the sidebar's playlists (names and live counts) current: loaded once, then again
 * after each library change that is not about tasks alone (playlists changed, or clips,
 * which a smart playlist's count moves with). Loads never overlap: events during one ask
 * for exactly one more. */
export function usePlaylistsLive(): void {
  useEffect(() => {
    let running = false
    let again = false
    const reload = async (): Promise<void> => {
      if (running) {
        again = true
        return
      }
      running = true
      try {
        do {
          again = false
          await usePlaylistsStore.getState().actions.load()
        } while (again)
      } finally {
        running = false
      }
    }
    void reload()
    return onEvent('library-changed', (change) => {
      if (change.kind !== 'tasks') void reload()
    })
  }, [])
}
