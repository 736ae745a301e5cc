import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from './cli-harness'

// The built CLI as a real process (`node bin/songshelf.cjs …`), for what only a process
// shows: bytes on a real stdout, a pipe closed early, exit codes and stack traces.
// Asynchronous on purpose: the simulated gateway runs in the test's own event loop.

export interface ProcessResult {
  code: number | null
  stdout: Buffer
  stderr: string
}

export function runCliProcess(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  stdin?: string
): Promise<ProcessResult> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/songshelf.cjs'), ...args], {
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env }
  })
  if (stdin !== undefined) child.stdin?.end(stdin)
  const out: Buffer[] = []
  const err: Buffer[] = []
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk))
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8')
      })
    )
  })
}
