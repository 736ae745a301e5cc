import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

export interface RunningPreview {
  url: string
  origin: string
  token: string
  dataDir: string
  libraryDir: string
  process: ChildProcess
  stop(): Promise<void>
}

const ROOT = resolve(import.meta.dirname, '../../..')

export function tempDirs(): { dataDir: string; libraryDir: string } {
  const base = mkdtempSync(join(tmpdir(), 'songshelf-e2e-'))
  return { dataDir: join(base, 'data'), libraryDir: join(base, 'library') }
}

/** Starts the built `preview:web` entry as a real process and waits for its URL line. */
export async function startPreview(options: {
  dataDir: string
  libraryDir: string
  baseUrl?: string
  key?: string
  extraArgs?: string[]
}): Promise<RunningPreview> {
  const args = [
    join(ROOT, 'out/main/preview-web.js'),
    '--data-dir',
    options.dataDir,
    '--library',
    options.libraryDir,
    '--port',
    '0',
    ...(options.baseUrl ? ['--base-url', options.baseUrl] : []),
    ...(options.key ? ['--key', options.key] : []),
    ...(options.extraArgs ?? [])
  ]
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })
  const url = await new Promise<string>((resolvePromise, reject) => {
    child.once('exit', (code) => reject(new Error(`preview:web exited with ${code}`)))
    lines.on('line', (line) => {
      const match = /Songshelf preview: (\S+)/.exec(line)
      if (match) resolvePromise(match[1] as string)
    })
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    dataDir: options.dataDir,
    libraryDir: options.libraryDir,
    process: child,
    stop: () =>
      new Promise((resolvePromise) => {
        if (child.exitCode !== null) return resolvePromise()
        child.once('exit', () => resolvePromise())
        child.kill('SIGTERM')
      })
  }
}
