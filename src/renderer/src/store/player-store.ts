import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { ClipRow } from '../../../shared/domain'
import type { QueueSource, QueueState, RepeatMode } from '../../../shared/queue'
import { call, onEvent } from '../lib/bridge'
import { chunkIds } from '../lib/id-chunks'
import { MAX_IDS_PER_CALL } from '../../../shared/limits'
import { delayedLocalStorage } from './player-storage'

export type { RepeatMode }
export type PlayerMode = 'audio' | 'video'
/** Why the media element could not play the current clip. */
export type PlayerError = 'media' | 'blocked'

/** "Previous" restarts the track instead when it has played longer than this. */
export const RESTART_THRESHOLD_SEC = 3
/** How often the position is saved into the queue while playing. */
const SAVE_POSITION_MS = 5000

// The player: what plays and how (volume, mode, position) is here; the queue itself is
// the core's (src/main/core/library/queue, docs/QUEUE.md), held by reference in the index.
// This store keeps only the current clip, its index and the queue's length, and every
// queue change is a bridge call whose answer is applied here.

export interface PlaySourceOptions {
  /** The row index in the source's order (a double-clicked row). */
  at?: number
  /** The clip expected at `at`. */
  clipId?: string
  shuffle?: boolean
}

export interface PlayerActions {
  /** Plays a library view, a playlist or a hand-picked list, of any size, by reference. */
  playSource: (source: QueueSource, options?: PlaySourceOptions) => Promise<void>
  /** Plays these clips (a hand-picked list) from the one at `startIndex`. */
  playList: (clips: ClipRow[], startIndex: number) => Promise<void>
  /** Adds after the current track and the songs already added. */
  enqueue: (clips: ClipRow[]) => Promise<void>
  /** Inserts right after the current track. */
  playNext: (clips: ClipRow[]) => Promise<void>
  /** Plays the clip's mp4 in the video panel (queued after the current track if needed). */
  playVideo: (clip: ClipRow) => Promise<void>
  togglePlay: () => void
  play: () => void
  pause: () => void
  next: () => Promise<void>
  previous: () => Promise<void>
  seek: (sec: number) => void
  setVolume: (volume: number) => void
  toggleMute: () => void
  toggleShuffle: () => Promise<void>
  cycleRepeat: () => Promise<void>
  jumpTo: (index: number) => Promise<void>
  removeFromQueue: (index: number) => Promise<void>
  moveInQueue: (from: number, to: number) => Promise<void>
  /** Empties the queue but keeps the track that is playing. */
  clearQueue: () => Promise<void>
  setMode: (mode: PlayerMode) => void
  /** Refreshes the current row (e.g. a favourite changed) by clip id. */
  updateClips: (rows: ClipRow[]) => void
  /** Reads the queue the core kept (at start, and after the library changed). */
  load: () => Promise<void>
  /** Saves the position into the queue now. */
  savePosition: () => void
  // Reports from the media element (PlayerEngine); not for components.
  trackEnded: () => Promise<void>
  reportPosition: (sec: number) => void
  reportDuration: (sec: number) => void
  reportPlaying: (playing: boolean) => void
  reportError: (error: PlayerError | null) => Promise<void>
}

export interface PlayerState {
  /** Entries in the queue (the core's). */
  length: number
  /** Index of `current` in the queue, -1 when nothing is current. */
  index: number
  /** Grows with every change of the queue's entries or order: views of it refetch. */
  revision: number
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
  /** Grows each time a track starts from its beginning: each value is one play. */
  playSeq: number
  /** The latest seek asked for; the attached media element carries it out
   * (features/player/media-element.ts), so the store touches no DOM. `seq` tells two
   * seeks to the same second apart. */
  seekRequest: { sec: number; seq: number } | null
  error: PlayerError | null
  /** The last queue call failed (the message is in the toast). */
  queueError: string | null
  actions: PlayerActions
}

export type PlayerData = Omit<PlayerState, 'actions'>

export const initialPlayerState: PlayerData = {
  length: 0,
  index: -1,
  revision: 0,
  current: null,
  playing: false,
  position: 0,
  duration: 0,
  volume: 1,
  muted: false,
  shuffle: false,
  repeat: 'off',
  mode: 'audio',
  playSeq: 0,
  seekRequest: null,
  error: null,
  queueError: null
}

const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value))

/** A clip the player can play: its audio is on disk (a failed generation or an unfinished
 * download has none, and would stop playback). */
export function isPlayable(clip: ClipRow): boolean {
  return clip.hasAudio && !clip.generationFailed
}

interface ApplyOptions {
  /** The current entry starts from its beginning (a new track, or the same one again). */
  fresh?: boolean
  playing?: boolean
  mode?: PlayerMode
}

export const usePlayerStore = create<PlayerState>()(
  persist(
    (set, get) => {
      let lastSave = 0
      const seekElement = (sec: number): void => {
        set((s) => ({ seekRequest: { sec, seq: (s.seekRequest?.seq ?? 0) + 1 } }))
      }

      /** Applies the core's answer. */
      const apply = (q: QueueState, o: ApplyOptions = {}): void => {
        const s = get()
        const clip = q.current
        const fresh = o.fresh === true || clip?.id !== s.current?.id
        if (fresh && clip && s.current?.id === clip.id) seekElement(0)
        const mode = o.mode ?? (s.mode === 'video' && clip?.hasVideo ? 'video' : 'audio')
        set({
          length: q.length,
          index: q.index,
          revision: q.revision,
          shuffle: q.shuffle,
          repeat: q.repeat,
          current: clip,
          queueError: null,
          mode,
          ...(fresh
            ? {
                position: 0,
                duration: clip?.durationSec ?? 0,
                playSeq: s.playSeq + 1,
                error: null
              }
            : {}),
          playing: clip ? (o.playing ?? s.playing) : false
        })
      }

      /** Runs a queue call; a failure is kept for the UI and changes nothing. */
      const run = async (fn: () => Promise<QueueState>, o: ApplyOptions = {}): Promise<void> => {
        try {
          apply(await fn(), o)
        } catch (error) {
          set({ queueError: error instanceof Error ? error.message : String(error) })
        }
      }

      const restart = (): void => {
        seekElement(0)
        set((s) => ({ position: 0, playSeq: s.playSeq + 1, error: null }))
      }

      const step = async (by: 1 | -1, fromEnd: boolean): Promise<void> => {
        try {
          const q = await call('queueStep', { by })
          if (q.ended === true) {
            // End of the queue: stop on the last track, ready to play it again.
            if (fromEnd) {
              seekElement(0)
              apply(q)
              set({ playing: false, position: 0 })
            }
            return
          }
          apply(q, { fresh: true })
        } catch (error) {
          set({ queueError: error instanceof Error ? error.message : String(error) })
        }
      }

      const actions: PlayerActions = {
        playSource: async (source, options = {}) => {
          try {
            const before = get().revision
            const q = await call('playQueue', { source, ...options })
            // Nothing in the source could play: the core kept the queue, so does the player.
            if (q.revision === before && get().current !== null) return
            apply(q, { fresh: true, playing: true, mode: 'audio' })
          } catch (error) {
            set({ queueError: error instanceof Error ? error.message : String(error) })
          }
        },
        playList: async (all, startIndex) => {
          const clips = all.filter(isPlayable)
          if (clips.length === 0) return
          // The clicked clip, or the first playable one after it, keeps its place.
          const asked = clamp(Math.floor(startIndex), 0, all.length - 1)
          const start = all.slice(asked).find(isPlayable) ?? clips[clips.length - 1]
          const at = clips.indexOf(start as ClipRow)
          await actions.playSource(
            { kind: 'clips', ids: clips.slice(0, MAX_IDS_PER_CALL).map((c) => c.id) },
            { at, clipId: start?.id, shuffle: get().shuffle }
          )
        },
        enqueue: async (all) => {
          const clips = all.filter(isPlayable)
          if (clips.length === 0) return
          for (const clipIds of chunkIds(clips.map((c) => c.id)))
            await run(() => call('queueAdd', { clipIds }))
        },
        playNext: async (all) => {
          const clips = all.filter(isPlayable)
          if (clips.length === 0) return
          // Each chunk goes right after the current track: the last chunk first.
          for (const clipIds of chunkIds(clips.map((c) => c.id)).reverse())
            await run(() => call('queueAdd', { clipIds, next: true }))
        },
        playVideo: async (clip) => {
          if (!clip.hasVideo) return
          const { current } = get()
          if (current && current.id === clip.id) {
            set({ mode: 'video', playing: true })
            return
          }
          try {
            const added = await call('queueAdd', { clipIds: [clip.id], next: true })
            const q = added.current?.id === clip.id ? added : await call('queueStep', { by: 1 })
            apply(q, { fresh: true, playing: true, mode: 'video' })
          } catch (error) {
            set({ queueError: error instanceof Error ? error.message : String(error) })
          }
        },
        togglePlay: () => {
          const { current, length, playing } = get()
          if (!current) {
            if (length > 0) void run(() => call('queueJump', { index: 0 }), { playing: true })
            return
          }
          if (playing) actions.savePosition()
          set({ playing: !playing, error: null })
        },
        play: () => {
          if (get().current) set({ playing: true, error: null })
          else if (get().length > 0)
            void run(() => call('queueJump', { index: 0 }), { playing: true })
        },
        pause: () => {
          set({ playing: false })
          actions.savePosition()
        },
        next: () => step(1, false),
        previous: async () => {
          const { index, position, length, repeat } = get()
          if (index < 0) return
          if (position > RESTART_THRESHOLD_SEC) return restart()
          if (index === 0 && !(repeat === 'all' && length > 1)) return restart()
          await step(-1, false)
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
        toggleShuffle: () => run(() => call('setQueueOptions', { shuffle: !get().shuffle })),
        cycleRepeat: () => {
          const r = get().repeat
          const repeat: RepeatMode = r === 'off' ? 'all' : r === 'all' ? 'one' : 'off'
          set({ repeat })
          return run(() => call('setQueueOptions', { repeat }))
        },
        jumpTo: async (index) => {
          if (index < 0 || index >= get().length) return
          await run(() => call('queueJump', { index }), { fresh: true, playing: true })
        },
        removeFromQueue: async (index) => {
          const wasCurrent = index === get().index
          await run(() => call('queueRemove', { index }), { fresh: wasCurrent })
        },
        moveInQueue: async (from, to) => {
          if (from === to) return
          await run(() => call('queueMove', { from, to }))
        },
        clearQueue: () => run(() => call('clearQueue')),
        setMode: (mode) => {
          const { current } = get()
          if (mode === 'video' && !current?.hasVideo) return
          set({ mode })
        },
        updateClips: (rows) => {
          const current = get().current
          if (!current) return
          const row = rows.find((r) => r.id === current.id)
          if (row) set({ current: row })
        },
        load: async () => {
          try {
            const q = await call('getQueue')
            const first = get().current === null
            apply(q)
            if (first && q.current) set({ position: q.positionMs / 1000 })
          } catch {
            // No queue (an index that cannot be read): the player starts empty.
          }
        },
        savePosition: () => {
          if (!get().current) return
          lastSave = Date.now()
          const positionMs = Math.round(clamp(get().position, 0, 86_400) * 1000)
          void call('setQueueOptions', { positionMs }).catch(() => undefined)
        },
        trackEnded: async () => {
          if (get().repeat === 'one') restart()
          else await step(1, true)
        },
        reportPosition: (sec) => {
          if (!Number.isFinite(sec)) return
          set({ position: sec })
          if (get().playing && Date.now() - lastSave >= SAVE_POSITION_MS) actions.savePosition()
        },
        reportDuration: (sec) => {
          if (Number.isFinite(sec) && sec > 0) set({ duration: sec })
        },
        reportPlaying: (playing) => {
          if (get().playing !== playing) set({ playing })
        },
        reportError: async (error) => {
          // A file that cannot be played (gone from disk, unreadable) is skipped while the
          // queue has more: playback carries on with the next clip.
          const { index, length, playing } = get()
          if (error === 'media' && playing && index >= 0 && index < length - 1) {
            await step(1, false)
            return
          }
          set(error ? { error, playing: false } : { error: null })
        }
      }

      return { ...initialPlayerState, actions }
    },
    {
      name: 'songshelf-player',
      version: 2,
      storage: createJSONStorage(() => delayedLocalStorage),
      // Only the listener's settings: the queue and where it was are the core's, in the
      // index (a 100,000-clip queue overflowed localStorage, issue 13). Never "playing".
      partialize: (s) => ({ volume: s.volume, muted: s.muted }),
      merge: (persisted, current) => restore(persisted, current),
      migrate: (persisted) => persisted
    }
  )
)

/** Rebuilds the settings from what localStorage held, trusting nothing in it. */
function restore(persisted: unknown, current: PlayerState): PlayerState {
  if (!persisted || typeof persisted !== 'object') return current
  const p = persisted as Partial<PlayerData>
  const volume = typeof p.volume === 'number' && Number.isFinite(p.volume) ? p.volume : 1
  return { ...current, volume: clamp(volume, 0, 1), muted: p.muted === true }
}

let following: (() => void) | null = null

/** Loads the kept queue and follows changes made elsewhere (another window, a library
 * change that moves a live view). Returns the unsubscribe. */
export function followQueue(): () => void {
  following?.()
  const { actions } = usePlayerStore.getState()
  void actions.load()
  const offQueue = onEvent('queue-changed', (q) => {
    const s = usePlayerStore.getState()
    if (q.revision !== s.revision || q.length !== s.length) {
      usePlayerStore.setState({ revision: q.revision, length: q.length })
    }
  })
  const offLibrary = onEvent('library-changed', () => void actions.load())
  following = () => {
    offQueue()
    offLibrary()
    following = null
  }
  return following
}

export const usePlayerActions = (): PlayerActions => usePlayerStore((s) => s.actions)
