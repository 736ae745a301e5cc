import type { Output } from './context'

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

/** One self-updating status line on a terminal; plain lines (at most one per second)
 * when the output is a pipe or a log file. */
export class ProgressLine {
  private shown = false
  private lastPlain = 0

  constructor(private readonly io: Output) {}

  update(text: string): void {
    if (this.io.isTTY) {
      process.stdout.write(`\r\x1b[2K${text}`)
      this.shown = true
    } else if (Date.now() - this.lastPlain > 1000) {
      this.lastPlain = Date.now()
      this.io.out(text)
    }
  }

  log(line: string): void {
    this.done()
    this.io.out(line)
  }

  done(): void {
    if (this.shown) process.stdout.write('\r\x1b[2K')
    this.shown = false
  }
}
