/** Collects songs that arrive close together into one notification ("3 new songs"), so a
 * finished batch does not flood the desktop. The clock and the notification are
 * injected; clicking focuses the app on the (first) clip. */
export class ArrivalNotifier {
  private pending: { id: string; title: string }[] = []
  private timer: { cancel(): void } | null = null

  constructor(
    private readonly deps: {
      enabled: () => boolean
      show: (title: string, body: string, onClick: () => void) => void
      focusClip: (clipId: string) => void
      setTimer: (fn: () => void, ms: number) => { cancel(): void }
      windowMs?: number
    }
  ) {}

  arrived(clip: { id: string; title: string }): void {
    if (!this.deps.enabled()) return
    this.pending.push(clip)
    if (this.timer) return
    this.timer = this.deps.setTimer(() => this.flush(), this.deps.windowMs ?? 2000)
  }

  flush(): void {
    this.timer?.cancel()
    this.timer = null
    const clips = this.pending
    this.pending = []
    const first = clips[0]
    if (!first) return
    const name = first.title || 'Untitled'
    const title =
      clips.length === 1 ? 'New song downloaded' : `${clips.length} new songs downloaded`
    const body = clips.length === 1 ? name : `${name} and ${clips.length - 1} more`
    this.deps.show(title, body, () => this.deps.focusClip(first.id))
  }

  dispose(): void {
    this.timer?.cancel()
    this.timer = null
    this.pending = []
  }
}

/** Overall download progress as a taskbar/dock fraction: -1 hides the bar. */
export function taskbarProgress(items: { bytes: number; total: number | null }[]): number {
  if (items.length === 0) return -1
  const known = items.filter((i) => i.total !== null && i.total > 0)
  if (known.length === 0) return 2 // indeterminate (Electron: any value > 1)
  const done = known.reduce((sum, i) => sum + i.bytes, 0)
  const total = known.reduce((sum, i) => sum + (i.total ?? 0), 0)
  return Math.min(1, done / total)
}
