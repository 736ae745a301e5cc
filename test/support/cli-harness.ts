import { join, resolve } from 'node:path'
import { run } from '../../src/cli/main'
import type { Output } from '../../src/cli/context'
import { tempDir } from './temp-dirs'

export const ROOT = resolve(import.meta.dirname, '../..')
export const FIXTURES = join(ROOT, 'test/fixtures')

export interface CliResult {
  code: number
  out: string[]
  err: string[]
}

/** A data folder and a library folder, removed when the test file ends. */
export function tempLibrary(): { dataDir: string; libraryDir: string } {
  const base = tempDir('songshelf-cli-')
  return { dataDir: join(base, 'data'), libraryDir: join(base, 'library') }
}

/** Runs the CLI in-process (same code as `npx songshelf`), capturing its output. */
export async function cli(args: string[], stdin = ''): Promise<CliResult> {
  const out: string[] = []
  const err: string[] = []
  const io: Output = { out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false }
  const code = await run(args, io, async () => stdin)
  return { code, out, err }
}

export function commonArgs(
  dirs: { dataDir: string; libraryDir: string },
  sim?: { gatewayUrl: string; apiKey: string },
  key?: string
): string[] {
  return [
    '--data-dir',
    dirs.dataDir,
    '--library',
    dirs.libraryDir,
    ...(sim ? ['--base-url', sim.gatewayUrl, '--key', key ?? sim.apiKey] : [])
  ]
}
