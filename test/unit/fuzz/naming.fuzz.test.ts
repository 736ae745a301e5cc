import fc from 'fast-check'
import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../src/main/core/app/create-core'
import { openLibrary } from '../../../src/main/core/library'
import { tempLibrary } from '../../support/cli-harness'
import { headlessHost, SHORT_POLICY } from '../../support/synced-library'
import { snapshotTree, type TreeSnapshot } from '../../support/tree-snapshot'
import { startSimulator, type Simulator } from '../../support/sim-gateway'

// File names from arbitrary Unicode titles, end to end (RELIABILITY.md G1–G5): the
// titles come from the simulated gateway, the real core downloads the songs, and the
// files land on the real file system. The pure naming rules have their own property
// tests (test/unit/core/library/naming.test.ts); this adds what only a real sync shows:
// no throw escapes, every file is inside the library under a portable name whose
// extension comes from the content, and the index can be rebuilt from the folder alone
// with the same titles.

const NAUGHTY = [
  '../../evil',
  '..',
  'a/b\\c:d*e?f"g<h>i|j',
  'con',
  'CON.mp3',
  'nul.txt',
  'Com1',
  'LPT9.jpg',
  'aux.',
  'name. . .',
  'name   ',
  '.hidden',
  '-rf',
  '\u0000x\u0007',
  '\u202Ereverse\u202C.mp3',
  '👨‍👩‍👧‍👦 family',
  '',
  '   ',
  'é'.repeat(500),
  'e\u0301'.repeat(200),
  'movie.mp4.exe',
  '%2e%2e%2f%2e%2e%2f',
  '😀'.repeat(100),
  '\ud800 lone surrogate \udfff',
  'Café',
  'Cafe\u0301',
  '夜の海 🌊',
  'C:\\Windows\\System32',
  '\\\\?\\C:\\x'
]

const title = fc.oneof(
  fc.constantFrom(...NAUGHTY),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 150 })
)

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\s*\.|$)/i
const EXT: Record<string, string> = {
  audio: '.mp3',
  video: '.mp4',
  cover: '.jpg',
  sidecar: '.json'
}

let sim: Simulator
let core: SongshelfCore
let dirs: { dataDir: string; libraryDir: string }
let root: string
let outsideBefore: TreeSnapshot
const titles = new Map<string, string>()
const sidecars = new Map<string, string>()
let n = 0

beforeAll(async () => {
  sim = await startSimulator({ seed: 99 })
  dirs = tempLibrary()
  root = dirname(dirs.dataDir)
  outsideBefore = snapshotTree(root, ['data', 'library'])
  core = createSongshelfCore(headlessHost(dirs, sim), { engine: { policy: SHORT_POLICY } })
  core.start()
})
afterAll(async () => {
  await core?.stop()
  await sim?.close()
})

function expectPortableName(path: string, kind: string): void {
  const real = realpathSync(path)
  const lib = realpathSync(dirs.libraryDir)
  const rel = relative(lib, real)
  expect(rel.startsWith('..') || rel === '').toBe(false)
  // <month>/<name>.<ext>: exactly one folder deep.
  expect(rel.split(sep)).toHaveLength(2)
  const name = basename(real)
  expect(name.endsWith(EXT[kind] as string), name).toBe(true)
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255)
  expect(name).not.toMatch(/[\p{Cc}/\\:*?"<>|\u202a-\u202e\u2066-\u2069]/u)
  expect(name).not.toMatch(RESERVED)
  expect(name).not.toMatch(/[ .]$/)
  expect(name).toBe(name.normalize('NFC'))
}

describe('songs with arbitrary Unicode titles, synced for real', () => {
  it('land inside the library under portable names, whatever the title', async () => {
    await fc.assert(
      fc.asyncProperty(title, title, async (a, b) => {
        const id = `a11ce000-0000-4000-8000-${String(++n).padStart(12, '0')}`
        const task = sim.addTask({ id, steps: [{ status: 'SUCCESS' }], titles: [a, b] })
        const added = await core.handlers.addTasks({ text: id })
        expect(added.added).toEqual([id])
        await core.engine().untilDone()
        await core.idle()
        for (const clipId of task.clipIds) {
          const clip = core.library().getClip(clipId)
          expect(clip, clipId).not.toBeNull()
          titles.set(clipId, clip?.title ?? '')
          sidecars.set(clipId, clip?.files.find((f) => f.kind === 'sidecar')?.path ?? '')
          for (const file of clip?.files ?? []) {
            expect(file.state, `${clipId} ${file.kind}`).toBe('done')
            expect(existsSync(file.path as string)).toBe(true)
            expectPortableName(file.path as string, file.kind)
          }
          // Two clips never share a name, whatever their titles.
          const names = new Set(
            (clip?.files ?? []).map((f) => basename(f.path as string, EXT[f.kind]))
          )
          expect(names.size).toBe(1)
        }
      }),
      { numRuns: 30, seed: 1234 }
    )
    expect(snapshotTree(root, ['data', 'library'])).toEqual(outsideBefore)
  })

  it('keeps every title verbatim in the sidecar, and a rebuild from the folder alone restores them', async () => {
    await core.stop()
    for (const [clipId, expected] of titles) {
      const sidecar = JSON.parse(readFileSync(sidecars.get(clipId) as string, 'utf8')) as {
        clip: { title: string }
      }
      expect(sidecar.clip.title).toBe(expected)
    }
    for (const suffix of ['', '-wal', '-shm']) {
      rmSync(join(dirs.dataDir, `library.sqlite${suffix}`), { force: true })
    }
    const rebuilt = openLibrary({ ...dirs, logger: { warn: () => undefined } })
    try {
      const result = await rebuilt.rebuild()
      expect(result).toMatchObject({ ok: true, clips: titles.size })
      for (const [clipId, expected] of titles) {
        expect(rebuilt.getClip(clipId)?.title, clipId).toBe(expected)
        expect(rebuilt.getFilePath(clipId, 'audio'), clipId).not.toBeNull()
      }
    } finally {
      await rebuilt.close()
    }
  })
})
