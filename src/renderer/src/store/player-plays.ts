// Counts a play once the listener has really heard the clip: 10 s of playback (seeking
// does not count as listening), or the end of a clip shorter than that. Each new start of
// a clip is a new play; a restart of the same clip (repeat one, "previous" near the start)
// too. Nuclear records start/skip/finish events; a single threshold is what the `plays`
// column needs.

export const PLAY_THRESHOLD_MS = 10_000
/** Gaps larger than this between two time updates are seeks, not listening. */
const MAX_TICK_SEC = 1.5

export interface PlayCounter {
  /** A new play of `clipId` begins (identified by `playSeq`). */
  begin(clipId: string, playSeq: number): void
  /** The media element reports its position. */
  tick(positionSec: number): void
  /** The clip played to its end. */
  ended(): void
}

export function createPlayCounter(
  record: (clipId: string, listenedMs: number) => void,
  thresholdMs: number = PLAY_THRESHOLD_MS
): PlayCounter {
  let clipId: string | null = null
  let seq = -1
  let last: number | null = null
  let listenedMs = 0
  let recorded = false

  const flush = (): void => {
    if (clipId && !recorded && listenedMs > 0) {
      recorded = true
      record(clipId, Math.round(listenedMs))
    }
  }

  return {
    begin(nextClipId, playSeq) {
      if (nextClipId === clipId && playSeq === seq) return
      clipId = nextClipId
      seq = playSeq
      last = null
      listenedMs = 0
      recorded = false
    },
    tick(positionSec) {
      if (last !== null) {
        const delta = positionSec - last
        if (delta > 0 && delta <= MAX_TICK_SEC) listenedMs += delta * 1000
      }
      last = positionSec
      if (listenedMs >= thresholdMs) flush()
    },
    ended() {
      flush()
    }
  }
}

let shared: PlayCounter | null = null

/** The app's one counter; `record` is only used the first time (tests pass their own). */
export function sharedPlayCounter(
  record: (clipId: string, listenedMs: number) => void
): PlayCounter {
  shared ??= createPlayCounter(record)
  return shared
}
