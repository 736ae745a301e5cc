import { useEffect, useState } from 'react'
import { call } from '../../lib/bridge'
import { usePlayerStore } from '../../store/player-store'

/** The clip the core's queue plays after the current one (by reference: one entry of the
 * queue's window, in its play order, shuffle included), or null when nothing follows or
 * the same clip repeats. Asked again whenever the queue or the current entry changes,
 * once the current one has started: loading the next song beside the first one delayed
 * the first sound of "Play" (issue 14 §3). */
export function useNextClip(): string | null {
  const started = usePlayerStore((s) => s.position > 0)
  const index = usePlayerStore((s) => s.index)
  const length = usePlayerStore((s) => s.length)
  const revision = usePlayerStore((s) => s.revision)
  const repeat = usePlayerStore((s) => s.repeat)
  const currentId = usePlayerStore((s) => s.current?.id ?? null)
  const [next, setNext] = useState<{ key: string; id: string | null }>({ key: '', id: null })
  const at = index + 1 < length ? index + 1 : repeat === 'all' ? 0 : -1
  const key = `${revision}:${index}:${length}:${repeat}:${currentId ?? ''}`
  const wanted = started && currentId !== null && repeat !== 'one' && at >= 0

  useEffect(() => {
    if (!wanted) return
    let live = true
    call('queueWindow', { offset: at, limit: 1 }).then(
      (window) => live && setNext({ key, id: window.entries[0]?.clip.id ?? null }),
      () => live && setNext({ key, id: null })
    )
    return () => {
      live = false
    }
  }, [wanted, at, key])

  return wanted && next.key === key && next.id !== currentId ? next.id : null
}
