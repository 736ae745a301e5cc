import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

// How one song goes into the next (issue 15): always gapless (the next clip waits,
// preloaded, in a second audio element), and optionally a short crossfade. A listener's
// preference like the volume, so it is kept where the volume is (this window's storage),
// not in the shared settings file.

export const CROSSFADE_CHOICES = [0, 2, 5] as const
export type CrossfadeSec = (typeof CROSSFADE_CHOICES)[number]

interface PlaybackPrefs {
  /** Seconds the end of a song and the start of the next overlap; 0 is off (the default). */
  crossfadeSec: CrossfadeSec
  setCrossfade: (sec: CrossfadeSec) => void
}

function asCrossfade(value: unknown): CrossfadeSec {
  return (CROSSFADE_CHOICES as readonly unknown[]).includes(value) ? (value as CrossfadeSec) : 0
}

export const usePlaybackPrefs = create<PlaybackPrefs>()(
  persist(
    (set) => ({
      crossfadeSec: 0,
      setCrossfade: (sec) => set({ crossfadeSec: asCrossfade(sec) })
    }),
    {
      name: 'songshelf-playback',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ crossfadeSec: s.crossfadeSec }),
      // Trusts nothing in storage: anything but a listed choice is off.
      merge: (persisted, current) => ({
        ...current,
        crossfadeSec: asCrossfade((persisted as { crossfadeSec?: unknown } | null)?.crossfadeSec)
      })
    }
  )
)
