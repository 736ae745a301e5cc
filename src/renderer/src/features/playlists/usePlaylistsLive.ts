import { useEffect } from 'react'
import { onEvent } from '../../lib/bridge'
import { usePlaylistsStore } from '../../store/playlists-store'

/** Keeps the sidebar's playlists (names and live counts) current: loaded once, then again
 * after `playlists-changed`, and after `library-changed` (a smart playlist's count moves
 * with the library). Loads never overlap: events during one ask for exactly one more. */
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
    const offPlaylists = onEvent('playlists-changed', () => void reload())
    const offLibrary = onEvent('library-changed', () => void reload())
    return () => {
      offPlaylists()
      offLibrary()
    }
  }, [])
}
