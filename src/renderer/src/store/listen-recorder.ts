import type { ListenKind } from '../../../shared/history'
import type { PlayCounter } from './player-plays'

// Reports what the listener does to the index's listening history (issue 15): a start
// when a play begins, a seek when the position jumps, a finish at the end, and a skip
// (with how long it was heard) when another play begins first. The core decides what
// counts as a play (history.ts), so a skip in the first seconds is never one.

/** Gaps larger than this between two time updates are seeks, not listening. */
const MAX_TICK_SEC = 1.5

export interface ListenReport {
  clipId: string
  kind: ListenKind
  positionMs?: number
  listenedMs?: number
}

export function createListenRecorder(send: (report: ListenReport) => void): PlayCounter {
  let clipId: string | null = null
  let seq = -1
  let last: number | null = null
  let listenedMs = 0
  let open = false

  const close = (kind: 'skip' | 'finish'): void => {
    if (clipId === null || !open) return
    open = false
    send({
      clipId,
      kind,
      listenedMs: Math.round(listenedMs),
      ...(last === null ? {} : { positionMs: Math.round(last * 1000) })
    })
  }

  return {
    begin(nextClipId, playSeq) {
      if (nextClipId === clipId && playSeq === seq) return
      close('skip')
      clipId = nextClipId
      seq = playSeq
      last = null
      listenedMs = 0
      open = true
      send({ clipId: nextClipId, kind: 'start' })
    },
    tick(positionSec) {
      if (!open) return
      if (last !== null) {
        const delta = positionSec - last
        if (delta > 0 && delta <= MAX_TICK_SEC) listenedMs += delta * 1000
        else if (Math.abs(delta) > MAX_TICK_SEC && clipId !== null) {
          send({ clipId, kind: 'seek', positionMs: Math.round(positionSec * 1000) })
        }
      }
      last = positionSec
    },
    ended() {
      close('finish')
    }
  }
}

let shared: PlayCounter | null = null

/** The app's one recorder; `send` is only used the first time. */
export function sharedListenRecorder(send: (report: ListenReport) => void): PlayCounter {
  shared ??= createListenRecorder(send)
  return shared
}
