import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseFile } from 'music-metadata'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt } from '../../support/build'
import { commonArgs } from '../../support/cli-harness'
import { runCliProcess } from '../../support/cli-process'
import { syncedLibrary, type SyncedLibrary } from '../../support/synced-library'

// Issue 13: `songshelf rename` and `songshelf note` on the built CLI, in real processes
// over a library synced from the simulated gateway: `list --json` keeps `title` the
// gateway's and adds `userTitle` and `note`; human output never passes terminal escapes.

const HOSTILE = 'Mine\x1b]0;PWNED\x07 \u202eNow'

let lib: SyncedLibrary
let args: string[]
let first: string
let second: string

beforeAll(async () => {
  ensureBuilt()
  lib = await syncedLibrary(
    [{ id: '13130000-0000-4000-8000-000000000001', titles: ['City Lights', 'City Lights'] }],
    { seed: 1313 }
  )
  args = commonArgs(lib.dirs)
  ;[first, second] = lib.clipIds
}, 120_000)
afterAll(async () => {
  await lib.sim.close()
  rmSync(dirname(lib.dirs.dataDir), { recursive: true, force: true })
})

interface Listed {
  id: string
  title: string
  userTitle: string | null
  note: string | null
  files: { kind: string; path: string | null }[]
}

async function songshelf(
  ...argv: string[]
): Promise<{ code: number | null; out: string; err: string }> {
  const result = await runCliProcess([...argv, ...args])
  return { code: result.code, out: result.stdout.toString('utf8'), err: result.stderr }
}

async function listed(id: string): Promise<Listed> {
  const run = await songshelf('list', '--json')
  expect(run.code, run.err).toBe(0)
  const found = (JSON.parse(run.out) as Listed[]).find((c) => c.id === id)
  if (found === undefined) throw new Error(`${id} not listed`)
  return found
}

describe('songshelf rename and note', () => {
  it('renames a take, keeps the gateway title in list --json and writes the mp3 title', async () => {
    const run = await songshelf('rename', second, 'City', 'Lights', '(slow)')
    expect(run.code, run.err).toBe(0)
    expect(run.out).toContain('renamed to "City Lights (slow)"')
    const clip = await listed(second)
    expect(clip).toMatchObject({
      title: 'City Lights',
      userTitle: 'City Lights (slow)',
      note: null
    })
    expect((await listed(first)).userTitle).toBeNull()
    const audio = clip.files.find((f) => f.kind === 'audio')?.path ?? ''
    expect((await parseFile(audio)).common.title).toBe('City Lights (slow)')
    const search = await songshelf('list', '--json', '--search', 'slow')
    expect((JSON.parse(search.out) as Listed[]).map((c) => c.id)).toEqual([second])
  }, 60_000)

  it('keeps no control character of a hostile title, so none reaches the terminal', async () => {
    expect((await songshelf('rename', first, HOSTILE)).code).toBe(0)
    const human = await songshelf('list')
    expect(human.out).not.toContain('\x1b')
    expect(human.out).not.toContain('\u202e')
    // Stored cleaned: control and bidi characters are not kept in a title at all.
    expect(human.out).toContain('Mine ]0;PWNED Now')
    expect((await listed(first)).userTitle).toBe('Mine ]0;PWNED Now')
    const reset = await songshelf('rename', first, '--reset')
    expect(reset.code, reset.err).toBe(0)
    expect(await listed(first)).toMatchObject({ title: 'City Lights', userTitle: null })
  }, 60_000)

  it('sets and clears a note, from arguments or stdin', async () => {
    expect((await songshelf('note', first, 'the', 'brighter', 'mix')).code).toBe(0)
    expect((await listed(first)).note).toBe('the brighter mix')
    const search = await songshelf('list', '--json', '--search', 'brighter')
    expect((JSON.parse(search.out) as Listed[]).map((c) => c.id)).toEqual([first])
    const piped = await runCliProcess(['note', first, '-', ...args], {}, 'line one\nline two\n')
    expect(piped.code, piped.stderr).toBe(0)
    expect((await listed(first)).note).toBe('line one\nline two')
    expect((await songshelf('note', first, '--clear')).code).toBe(0)
    expect((await listed(first)).note).toBeNull()
  }, 60_000)

  it('exits 2 for usage errors and 1 for a clip that is not there', async () => {
    expect((await songshelf('rename', first)).code).toBe(2)
    expect((await songshelf('rename', first, 'x', '--reset')).code).toBe(2)
    expect((await songshelf('rename', first, 'x'.repeat(201))).code).toBe(2)
    expect((await songshelf('rename', '../etc', 'x')).code).toBe(2)
    expect((await songshelf('note', first)).code).toBe(2)
    const missing = await songshelf('rename', 'no-such-clip', 'x')
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('no clip no-such-clip')
  }, 60_000)
})
