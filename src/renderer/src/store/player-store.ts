import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { ClipRow } from '../../../shared/domain'
import { activeMediaElement } from './player-media'
import { moveEntry, removeEntry, shuffleAround, unshuffle } from './player-queue'
import { delayedLocalStorage } from './player-storage'

export type RepeatMode = 'off' | 'all' | 'one'
export type PlayerMode = 'audio' | 'video'
/** Why the media element could not play the current clip. */
export type PlayerError = 'media' | 'blocked'

/** "Previous" restarts the track instead when it has played longer than this. */
export const RESTART_THRESHOLD_SEC = 3

export interface PlayerActions {
  /** Replaces the queue with `clips` and plays the one at `startIndex`. */
  playList: (clips: ClipRow[], startIndex: number) => void
  /** Adds to the end of the queue. */
  enqueue: (clips: ClipRow[]) => void
  /** Inserts right after the current track. */
  playNext: (clips: ClipRow[]) => void
  /** Plays the clip's mp4 in the video panel (queued after the current track if needed). */
  playVideo: (clip: ClipRow) => void
  togglePlay: () => void
  play: () => void
  pause: () => void
  next: () => void
  previous: () => void
  seek: (sec: number) => void
  setVolume: (volume: number) => void
  toggleMute: () => void
  toggleShuffle: () => void
  cycleRepeat: () => void
  jumpTo: (index: number) => void
  removeFromQueue: (index: number) => void
  moveInQueue: (from: number, to: number) => void
  /** Empties the queue but keeps the track that is playing. */
  clearQueue: () => void
  setMode: (mode: PlayerMode) => void
  /** Refreshes queued rows (e.g. a favourite changed) by clip id. */
  updateClips: (rows: ClipRow[]) => void
  // Reports from the media element (PlayerEngine); not for components.
  trackEnded: () => void
  reportPosition: (sec: number) => void
  reportDuration: (sec: number) => void
  reportPlaying: (playing: boolean) => void
  reportError: (error: PlayerError | null) => void
}

export interface PlayerState {
  queue: ClipRow[]
  /** Index of `current` in `queue`, -1 when the queue is empty. */
  index: number
  current: ClipRow | null
  playing: boolean
  /** Seconds. */
  position: number
  /** Seconds (from the clip row until the media element knows better). */
  duration: number
  /** 0–1. */
  volume: number
  muted: boolean
  shuffle: boolean
  repeat: RepeatMode
  mode: PlayerMode
  /** The queue order before shuffling, to put it back. */
  unshuffled: ClipRow[] | null
  /** Grows each time a track starts from its beginning: each value is one play. */
  playSeq: number
  error: PlayerError | null
  actions: PlayerActions
}

export type PlayerData = Omit<PlayerState, 'actions'>

export const initialPlayerState: PlayerData = {
  queue: [],
  index: -1,
  current: null,
  playing: false,
  position: 0,
  duration: 0,
  volume: 1,
  muted: false,
  shuffle: false,
  repeat: 'off',
  mode: 'audio',
  unshuffled: null,
  playSeq: 0,
  error: null
}

const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value))

function seekElement(sec: number): void {
  const element = activeMediaElement()
  if (element && element.readyState >= 1) element.currentTime = sec
}

/** A clip the player can play: its audio is on disk (a failed generation or an unfinished
 * download has none, and would stop playback). */
export function isPlayable(clip: ClipRow): boolean {
  return clip.hasAudio && !clip.generationFailed
}

export const usePlayerStore = create<PlayerState>()(
  persist(
    (set, get) => {
      /** Makes `queue[index]` current, from its start. */
      const go = (
        queue: ClipRow[],
        index: number,
        extra: Partial<PlayerData> = {}
      ): Partial<PlayerData> => {
        const clip = queue[index] ?? null
        const before = get().current
        if (clip && before && clip.id === before.id) seekElement(0)
        const mode = extra.mode ?? (get().mode === 'video' && clip?.hasVideo ? 'video' : 'audio')
        return {
          queue,
          index: clip ? index : -1,
          current: clip,
          position: 0,
          duration: clip?.durationSec ?? 0,
          playSeq: get().playSeq + 1,
          error: null,
          ...extra,
          mode,
          playing: clip ? (extra.playing ?? get().playing) : false
        }
      }

      const restart = (): void => {
        seekElement(0)
        set((s) => ({ position: 0, playSeq: s.playSeq + 1, error: null }))
      }

      const advance = (fromEnd: boolean): void => {
        const { queue, index, repeat } = get()
        if (queue.length === 0) return
        if (index < queue.length - 1) set(go(queue, index + 1))
        else if (repeat === 'all') set(go(queue, 0))
        else if (fromEnd) {
          // End of the queue: stop on the last track, ready to play it again.
          seekElement(0)
          set({ playing: false, position: 0 })
        }
      }

      const actions: PlayerActions = {
        playList: (all, startIndex) => {
          const clips = all.filter(isPlayable)
          if (clips.length === 0) return
          // The clicked clip, or the first playable one after it, keeps its place.
          const asked = clamp(Math.floor(startIndex), 0, all.length - 1)
          const before = all.slice(0, asked).filter(isPlayable).length
          const start = clamp(before, 0, clips.length - 1)
          if (get().shuffle) {
            const mixed = shuffleAround(clips, start)
            set(
              go(mixed.queue, mixed.index, { playing: true, mode: 'audio', unshuffled: [...clips] })
            )
          } else {
            set(go([...clips], start, { playing: true, mode: 'audio', unshuffled: null }))
          }
        },
        enqueue: (all) => {
          const clips = all.filter(isPlayable)
          if (clips.length === 0) return
          const { queue, index, unshuffled } = get()
          const nextQueue = [...queue, ...clips]
          const nextOriginal = unshuffled ? [...unshuffled, ...clips] : null
          if (index < 0) set(go(nextQueue, 0, { playing: false, unshuffled: nextOriginal }))
          else set({ queue: nextQueue, unshuffled: nextOriginal })
        },
        playNext: (all) => {
          const clips = all.filter(isPlayable)
          if (clips.length === 0) return
          const { queue, index, unshuffled, current } = get()
          if (index < 0) return actions.enqueue(clips)
          const nextQueue = [...queue.slice(0, index + 1), ...clips, ...queue.slice(index + 1)]
          let nextOriginal = unshuffled
          if (unshuffled && current) {
            const at = unshuffled.findIndex((c) => c.id === current.id)
            nextOriginal = [...unshuffled.slice(0, at + 1), ...clips, ...unshuffled.slice(at + 1)]
          }
          set({ queue: nextQueue, unshuffled: nextOriginal })
        },
        playVideo: (clip) => {
          if (!clip.hasVideo) return
          const { queue, index, current } = get()
          if (current && current.id === clip.id) {
            set({ mode: 'video', playing: true })
            return
          }
          const found = queue.findIndex((c) => c.id === clip.id)
          if (found >= 0) {
            set(go(queue, found, { mode: 'video', playing: true }))
            return
          }
          const at = index + 1
          const nextQueue = [...queue.slice(0, at), clip, ...queue.slice(at)]
          const original = get().unshuffled
          set(
            go(nextQueue, at, {
              mode: 'video',
              playing: true,
              unshuffled: original ? [...original, clip] : null
            })
          )
        },
        togglePlay: () => {
          const { current, queue, playing } = get()
          if (!current) {
            if (queue.length > 0) set(go(queue, 0, { playing: true }))
            return
          }
          set({ playing: !playing, error: null })
        },
        play: () => {
          if (get().current) set({ playing: true, error: null })
          else if (get().queue.length > 0) set(go(get().queue, 0, { playing: true }))
        },
        pause: () => set({ playing: false }),
        next: () => advance(false),
        previous: () => {
          const { queue, index, repeat, position } = get()
          if (index < 0) return
          if (position > RESTART_THRESHOLD_SEC) return restart()
          if (index > 0) set(go(queue, index - 1))
          else if (repeat === 'all' && queue.length > 1) set(go(queue, queue.length - 1))
          else restart()
        },
        seek: (sec) => {
          const { duration, current } = get()
          if (!current || !Number.isFinite(sec)) return
          const target = clamp(sec, 0, duration > 0 ? duration : Number.MAX_SAFE_INTEGER)
          seekElement(target)
          set({ position: target })
        },
        setVolume: (volume) => {
          if (!Number.isFinite(volume)) return
          const v = clamp(volume, 0, 1)
          set({ volume: v, muted: v === 0 ? get().muted : false })
        },
        toggleMute: () => set((s) => ({ muted: !s.muted })),
        toggleShuffle: () => {
          const { shuffle, queue, index, unshuffled } = get()
          if (shuffle) {
            const back = unshuffled ? unshuffle(queue, index, unshuffled) : { queue, index }
            set({ shuffle: false, queue: back.queue, index: back.index, unshuffled: null })
          } else {
            const mixed = shuffleAround(queue, index)
            set({ shuffle: true, queue: mixed.queue, index: mixed.index, unshuffled: [...queue] })
          }
        },
        cycleRepeat: () =>
          set((s) => ({ repeat: s.repeat === 'off' ? 'all' : s.repeat === 'all' ? 'one' : 'off' })),
        jumpTo: (index) => {
          const { queue } = get()
          if (index < 0 || index >= queue.length) return
          set(go(queue, index, { playing: true }))
        },
        removeFromQueue: (at) => {
          const { queue, index, unshuffled } = get()
          const removed = queue[at]
          if (!removed) return
          const result = removeEntry(queue, index, at)
          let original = unshuffled
          if (original) {
            const j = original.findIndex((c) => c.id === removed.id)
            original = j >= 0 ? original.filter((_, i) => i !== j) : original
          }
          if (result.removedCurrent) set(go(result.queue, result.index, { unshuffled: original }))
          else set({ queue: result.queue, index: result.index, unshuffled: original })
        },
        moveInQueue: (from, to) => {
          const { queue, index } = get()
          const result = moveEntry(queue, index, from, to)
          set({ queue: result.queue, index: result.index })
        },
        clearQueue: () => {
          const { current } = get()
          if (!current) set({ queue: [], index: -1, unshuffled: null })
          else set({ queue: [current], index: 0, unshuffled: get().shuffle ? [current] : null })
        },
        setMode: (mode) => {
          const { current } = get()
          if (mode === 'video' && !current?.hasVideo) return
          set({ mode })
        },
        updateClips: (rows) => {
          if (rows.length === 0) return
          const byId = new Map(rows.map((row) => [row.id, row]))
          const swap = (clip: ClipRow): ClipRow => byId.get(clip.id) ?? clip
          set((s) => ({
            queue: s.queue.map(swap),
            unshuffled: s.unshuffled ? s.unshuffled.map(swap) : null,
            current: s.current ? swap(s.current) : null
          }))
        },
        trackEnded: () => {
          if (get().repeat === 'one') restart()
          else advance(true)
        },
        reportPosition: (sec) => {
          if (Number.isFinite(sec)) set({ position: sec })
        },
        reportDuration: (sec) => {
          if (Number.isFinite(sec) && sec > 0) set({ duration: sec })
        },
        reportPlaying: (playing) => {
          if (get().playing !== playing) set({ playing })
        },
        reportError: (error) => {
          // A file that cannot be played (gone from disk, unreadable) is skipped while the
          // queue has more: playback carries on with the next clip.
          const { queue, index, playing } = get()
          if (error === 'media' && playing && index >= 0 && index < queue.length - 1) {
            set(go(queue, index + 1, { playing: true }))
            return
          }
          set(error ? { error, playing: false } : { error: null })
        }
      }

      return { ...initialPlayerState, actions }
    },
    {
      name: 'songshelf-player',
      version: 1,
      storage: createJSONStorage(() => delayedLocalStorage),
      // Museeks' rule: what is remembered is the queue and where you were, never
      // "playing" — the app must not start making noise on launch.
      partialize: (s) => ({
        queue: s.queue,
        index: s.index,
        position: s.position,
        volume: s.volume,
        muted: s.muted,
        shuffle: s.shuffle,
        repeat: s.repeat,
        unshuffled: s.unshuffled
      }),
      merge: (persisted, current) => restore(persisted, current)
    }
  )
)

/** Rebuilds the state from what localStorage held, trusting nothing in it. */
function restore(persisted: unknown, current: PlayerState): PlayerState {
  if (!persisted || typeof persisted !== 'object') return current
  const p = persisted as Partial<PlayerData>
  const queue = Array.isArray(p.queue) ? p.queue.filter(isClipRow).filter(isPlayable) : []
  const index = typeof p.index === 'number' && p.index >= 0 && p.index < queue.length ? p.index : -1
  const clip = queue[index] ?? null
  const num = (value: unknown, fallback: number): number =>
    typeof value === 'number' && Number.isFinite(value) ? value : fallback
  return {
    ...current,
    queue,
    index,
    current: clip,
    playing: false,
    mode: 'audio',
    position: clip ? Math.max(0, num(p.position, 0)) : 0,
    duration: clip?.durationSec ?? 0,
    volume: clamp(num(p.volume, 1), 0, 1),
    muted: p.muted === true,
    shuffle: p.shuffle === true,
    repeat: p.repeat === 'all' || p.repeat === 'one' ? p.repeat : 'off',
    unshuffled: Array.isArray(p.unshuffled) ? p.unshuffled.filter(isClipRow) : null
  }
}

function isClipRow(value: unknown): value is ClipRow {
  if (!value || typeof value !== 'object') return false
  const row = value as Partial<ClipRow>
  return typeof row.id === 'string' && typeof row.title === 'string'
}

export const usePlayerActions = (): PlayerActions => usePlayerStore((s) => s.actions)
