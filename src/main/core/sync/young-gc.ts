import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

// Bounded memory for big downloads (issue 14 §4). Node allocates a fresh 64 KiB buffer
// for every socket read, outside the JS heap. Once hashed and written they are garbage,
// but V8 frees them only when it collects the small JS objects that own them, and a
// download makes so few of those that the young generation rarely fills: dead buffers
// pile up until V8's external-memory limit (64 MiB above the last GC) forces a collection.
// Measured: 70–95 MB of RSS growth for any Node client at default flags, 50–57 MB with
// `--max-semi-space-size=1` (measured in the 2026-12 review), a flag the CLI and Electron's main
// process cannot set for themselves. A young-generation collection every few MiB frees
// them instead; it costs about a millisecond while the young generation holds only them.
//
// V8's `gc` function is reachable from a context created after `--expose-gc` is set
// (https://nodejs.org/api/v8.html#v8setflagsfromstringflags; the flag only adds that
// function to new contexts and changes no collector behaviour).

type Collect = (options?: { type?: 'minor' | 'major' }) => void

let collect: Collect | null | undefined

function collector(): Collect | null {
  if (collect !== undefined) return collect
  try {
    setFlagsFromString('--expose-gc')
    const found: unknown = runInNewContext('typeof gc === "function" ? gc : null')
    collect = typeof found === 'function' ? (found as Collect) : null
  } catch {
    collect = null
  }
  return collect
}

/** Bytes of transient buffers between two young-generation collections. */
export const YOUNG_GC_EVERY_BYTES = 8 * 1024 * 1024

/** Counts bytes that passed through short-lived buffers and collects the young generation
 * each time another `YOUNG_GC_EVERY_BYTES` have passed. */
export class DeadBufferSweeper {
  private since = 0

  passed(bytes: number): void {
    this.since += bytes
    if (this.since < YOUNG_GC_EVERY_BYTES) return
    this.since = 0
    collector()?.({ type: 'minor' })
  }
}
