import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Running a tool or one of the benches' own child processes (`*-child.ts`, bundled beside
// the suites in out/bench/) and reading what it printed. One copy for every suite: the
// download, sync-memory and CDN-sync benches each had their own.

export interface Captured {
  code: number | null
  out: string
  err: string
}

/** Runs `command` to its end and returns its exit code and output. */
export function capture(command: string, args: string[]): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, out, err }))
  })
}

/** Runs `<entry>.js` from the bench bundle under this Node (with `nodeFlags` first) and
 * returns the JSON of the last line it printed; a non-zero exit is an error. */
export async function runBenchChild<T>(
  entry: string,
  args: string[],
  nodeFlags: string[] = []
): Promise<T> {
  const dir = process.env['SONGSHELF_BENCH_DIR'] ?? dirname(fileURLToPath(import.meta.url))
  const { code, out, err } = await capture(process.execPath, [
    ...nodeFlags,
    join(dir, `${entry}.js`),
    ...args
  ])
  if (code !== 0) throw new Error(`${entry} failed (${code}): ${err.trim()}`)
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T
}
