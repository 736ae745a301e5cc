import {
  appendFileSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli, commonArgs } from '../../support/cli-harness'
import { syncedLibrary, type SyncedLibrary } from '../../support/synced-library'

// Issue 12 §3: `rebuild` indexed a 0-byte mp3, an HTML page saved as .mp3/.mp4 and a JSON
// error saved as .jpg as done. It now checks the magic bytes and says what it refused, and
// a file whose size differs from the one its sidecar recorded (a truncated mp3 keeps a valid
// header) is refused too. Sidecars written before sizes were recorded keep the old checks.

let lib: SyncedLibrary
beforeEach(async () => {
  lib = await syncedLibrary(
    [{ id: 'f11e0000-0000-4000-8000-000000000001', steps: [{ status: 'SUCCESS' }] }],
    { seed: 41 }
  )
}, 60_000)
afterEach(async () => {
  await lib.sim.close()
  rmSync(dirname(lib.dirs.dataDir), { recursive: true, force: true })
})

function mediaFiles(): string[] {
  const out: string[] = []
  for (const month of readdirSync(lib.dirs.libraryDir)) {
    if (month.startsWith('.')) continue
    for (const name of readdirSync(join(lib.dirs.libraryDir, month))) out.push(join(month, name))
  }
  return out
}

describe('rebuild and files that lie', () => {
  it('indexes a 0-byte mp3, HTML as .mp4 and JSON as .jpg as failed, and reports them', async () => {
    const files = mediaFiles()
    const [first, second] = lib.clipIds as [string, string]
    const of = (clipId: string, ext: string): string =>
      files.find((f) => f.includes(clipId.slice(0, 8)) && f.endsWith(ext)) as string
    writeFileSync(join(lib.dirs.libraryDir, of(first, '.mp3')), '')
    writeFileSync(
      join(lib.dirs.libraryDir, of(first, '.mp4')),
      '<!doctype html><title>Login</title>'
    )
    writeFileSync(join(lib.dirs.libraryDir, of(second, '.mp3')), '<html><body>Error</body></html>')
    writeFileSync(join(lib.dirs.libraryDir, of(second, '.jpg')), '{"detail":"Forbidden"}')

    const rebuilt = await cli(['rebuild', ...commonArgs(lib.dirs)])
    expect(rebuilt.code).toBe(0)
    const refused = rebuilt.out.filter((line) => line.startsWith('refused: '))
    expect(refused).toHaveLength(4)
    expect(refused.join('\n')).toContain('The file in the library folder is empty.')
    expect(refused.join('\n')).toContain('is not a video (a web page)')
    expect(refused.join('\n')).toContain('is not a song (a web page)')
    expect(refused.join('\n')).toContain('is not a picture (an error message)')

    const listed = JSON.parse(
      (await cli(['list', '--json', ...commonArgs(lib.dirs)])).out.join('\n')
    ) as {
      id: string
      files: { kind: string; state: string }[]
    }[]
    const state = (clipId: string, kind: string): string | undefined =>
      listed.find((c) => c.id === clipId)?.files.find((f) => f.kind === kind)?.state
    expect([state(first, 'audio'), state(first, 'video'), state(first, 'cover')]).toEqual([
      'failed',
      'failed',
      'done'
    ])
    expect([state(second, 'audio'), state(second, 'video'), state(second, 'cover')]).toEqual([
      'failed',
      'done',
      'failed'
    ])
  })

  it('refuses a truncated mp3 and a longer mp4 against the sizes in the sidecar', async () => {
    const files = mediaFiles()
    const [first, second] = lib.clipIds as [string, string]
    const of = (clipId: string, ext: string): string =>
      join(
        lib.dirs.libraryDir,
        files.find((f) => f.includes(clipId.slice(0, 8)) && f.endsWith(ext)) as string
      )
    // Cut short after the header: the magic bytes still say mp3.
    truncateSync(of(first, '.mp3'), 4096)
    appendFileSync(of(first, '.mp4'), Buffer.alloc(100))
    // An old sidecar (no sizes) keeps today's behaviour: its truncated mp3 is indexed.
    truncateSync(of(second, '.mp3'), 4096)
    const old = JSON.parse(readFileSync(of(second, '.json'), 'utf8')) as Record<string, unknown>
    expect(old.fileChecks).toBeDefined()
    delete old.fileChecks
    writeFileSync(of(second, '.json'), JSON.stringify(old))

    const rebuilt = await cli(['rebuild', ...commonArgs(lib.dirs)])
    expect(rebuilt.code).toBe(0)
    const refused = rebuilt.out.filter((line) => line.startsWith('refused: '))
    expect(refused).toHaveLength(2)
    expect(refused.join('\n')).toMatch(
      /\.mp3: The file in the library folder is 4096 bytes; \d+ were downloaded\./
    )
    expect(refused.join('\n')).toMatch(
      /\.mp4: The file in the library folder is \d+ bytes; \d+ were downloaded\./
    )

    const listed = JSON.parse(
      (await cli(['list', '--json', ...commonArgs(lib.dirs)])).out.join('\n')
    ) as { id: string; files: { kind: string; state: string }[] }[]
    const state = (clipId: string, kind: string): string | undefined =>
      listed.find((c) => c.id === clipId)?.files.find((f) => f.kind === kind)?.state
    expect([state(first, 'audio'), state(first, 'video'), state(first, 'cover')]).toEqual([
      'failed',
      'failed',
      'done'
    ])
    expect(state(second, 'audio')).toBe('done')
  })
})
