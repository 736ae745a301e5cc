import type { CoreOptions, SongshelfCore } from '../main/core/app/create-core'
import { recoveryMessage } from '../main/core/library/index-health'
import type { CommonOptions } from './options'
import { terminalSafe } from './terminal-text'
import { readPackageVersion } from './version'

/** The same core the app runs, hosted headless. Loaded on first use, not at start: a
 * command that only reads the index (`list`) never needs it (issue 14 §6). */
export async function openCore(
  common: CommonOptions,
  options: CoreOptions = {}
): Promise<SongshelfCore> {
  const [{ createSongshelfCore }, { createHeadlessHost }] = await Promise.all([
    import('../main/core/app/create-core'),
    import('../main/core/app/headless-host')
  ])
  const host = createHeadlessHost({
    transport: 'cli',
    version: readPackageVersion(),
    dataDir: common.dataDir,
    libraryDir: common.libraryDir,
    baseUrl: common.baseUrl,
    apiKey: common.apiKey
  })
  return createSongshelfCore(host, options)
}

/** Waits for a damaged index to be set aside and rebuilt (issue 12 §2), and says so. */
export async function reportRecovery(core: SongshelfCore, io: Output): Promise<void> {
  const recovery = await core.ready()
  if (recovery !== null) io.err(`songshelf: ${recoveryMessage(recovery)}`)
}

/** Where the CLI's lines go. `out`/`err` take one human line each. */
export interface Output {
  out: (line: string) => void
  err: (line: string) => void
  isTTY: boolean
}

/** What commands print through: human lines are made terminal-safe, `json` is exact. */
export interface CliOutput extends Output {
  /** Machine output (`--json`), written exactly as given. */
  json: (text: string) => void
}

/** Wraps a sink so every human line goes through `terminalSafe` (one rule for every
 * printer) while `--json` stays byte-exact. */
export function humanOutput(sink: Output): CliOutput {
  return {
    out: (line) => sink.out(terminalSafe(line)),
    err: (line) => sink.err(terminalSafe(line)),
    json: (text) => sink.out(text),
    isTTY: sink.isTTY
  }
}

/** Our own multi-line text (help): one human line at a time. */
export function printLines(io: Output, text: string): void {
  for (const line of text.split('\n')) io.out(line)
}

export const stdOutput: Output = {
  out: (line) => void writeLine(process.stdout, line),
  err: (line) => void writeLine(process.stderr, line),
  isTTY: Boolean(process.stdout.isTTY)
}

const closed = new WeakSet<NodeJS.WriteStream>()

function writeLine(stream: NodeJS.WriteStream, line: string): void {
  if (!closed.has(stream)) stream.write(`${line}\n`)
}

/** `songshelf list | head -1`: the reader goes away and the next write fails with EPIPE,
 * emitted as an 'error' event that would otherwise crash the process with a stack trace.
 * The command carries on (a sync keeps downloading) with its output dropped, and exits
 * with its own code. */
export function quietOnClosedOutput(streams = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      closed.add(stream)
      if (error.code !== 'EPIPE' && stream !== process.stderr && !closed.has(process.stderr))
        process.stderr.write(`songshelf: output failed: ${error.message}\n`)
    })
  }
}
