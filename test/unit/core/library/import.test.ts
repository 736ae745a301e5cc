import { createHash } from 'node:crypto'
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import NodeID3 from 'node-id3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LibraryStore } from '../../../../src/main/core/library/types'
import { cli, commonArgs } from '../../../support/cli-harness'
import { T0, clip, populate, task, tempLibrary, type TempLibrary } from './helpers'

// Bringing in songs people already have: recognised by a clip id (tags, a suno.com link
// or the file name), merged with a clip the library knows, or imported as a local song;
// a dry run first; the source files are never changed.

const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url))
const SUNO = '0b7c1f5e-8a11-4f2a-9d3e-1c2b3a4d5e6f'
const KNOWN_NO_AUDIO = '1c8d2a6f-9b22-4a3b-8e4f-2d3c4b5e6f70'

let lib: TempLibrary
let store: LibraryStore
let src: string

async function tagged(name: string, tags: NodeID3.Tags): Promise<string> {
  const path = join(src, name)
  await copyFile(join(FIXTURES, 'tiny.mp3'), path)
  const result = NodeID3.update(tags, path)
  if (result !== true) throw result
  return path
}

async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const bytes = await readFile(join(dir, name)).catch(() => null)
    if (bytes !== null) out[name] = createHash('sha256').update(bytes).digest('hex')
  }
  return out
}

beforeEach(async () => {
  lib = await tempLibrary()
  store = lib.store
  await populate(store, [task('t1', [clip('have-it', { title: 'Already here' })])])
  // Known from the gateway, but its audio link expired before it was downloaded.
  store.recordTaskResults(
    [task('t2', [clip(KNOWN_NO_AUDIO, { title: 'Known title', audioUrl: null })])],
    T0,
    { downloadVideo: false }
  )
  src = join(lib.root, 'Downloads')
  await mkdir(join(src, 'more'), { recursive: true })
  await tagged(`City Lights - ${SUNO}.mp3`, {
    title: 'City Lights',
    genre: 'synthwave',
    unsynchronisedLyrics: { language: 'eng', text: '[Verse]\nNeon' },
    image: {
      mime: 'image/jpeg',
      type: { id: 3 },
      description: 'Cover',
      imageBuffer: await readFile(join(FIXTURES, 'cover.jpg'))
    }
  })
  await tagged('more/from-another-downloader.mp3', {
    title: 'Whatever',
    userDefinedText: [{ description: 'SUNO_ID', value: KNOWN_NO_AUDIO }]
  })
  await tagged('more/linked.mp3', {
    title: 'Have it',
    comment: { language: 'eng', text: 'https://suno.com/song/have-it' },
    userDefinedText: [{ description: 'SONGSHELF_CLIP_ID', value: 'have-it' }]
  })
  await tagged('mystery.mp3', { title: 'Home recording' })
  await copyFile(join(src, `City Lights - ${SUNO}.mp3`), join(src, 'more', `${SUNO}.mp3`))
  await writeFile(join(src, 'notes.txt'), 'not a song')
})
afterEach(async () => {
  await lib.cleanup()
})

describe('importing existing audio files', () => {
  it('previews what it will do, file by file, and changes nothing', async () => {
    const before = await fingerprint(lib.libraryDir)
    const report = await store.importFiles([src], { dryRun: true })
    expect(report).toMatchObject({ dryRun: true, imported: 2, merged: 1, skipped: 3 })
    const byName = Object.fromEntries(
      report.items.map((i) => [i.source.slice(src.length + 1), [i.action, i.clipId]])
    )
    expect(byName).toMatchObject({
      [`City Lights - ${SUNO}.mp3`]: ['import', SUNO],
      'more/from-another-downloader.mp3': ['merge', KNOWN_NO_AUDIO],
      'more/linked.mp3': ['skip', 'have-it'],
      [`more/${SUNO}.mp3`]: ['skip', SUNO],
      'notes.txt': ['skip', null]
    })
    expect(byName['mystery.mp3']?.[0]).toBe('import')
    expect(String(byName['mystery.mp3']?.[1])).toMatch(/^local-[0-9a-f]{24}$/u)
    expect(await fingerprint(lib.libraryDir)).toEqual(before)
    expect(store.query({}).total).toBe(2)
  })

  it('copies with Songshelf naming, tags and sidecar, merges known clips, and never touches the source', async () => {
    const source = await fingerprint(src)
    const report = await store.importFiles([src])
    expect(report).toMatchObject({ dryRun: false, imported: 2, merged: 1, skipped: 3 })
    expect(await fingerprint(src)).toEqual(source)

    const city = store.getClip(SUNO)
    expect(city).toMatchObject({ title: 'City Lights', lyrics: '[Verse]\nNeon', hasCover: true })
    const audio = store.getFilePath(SUNO, 'audio') as string
    expect(audio.startsWith(lib.libraryDir)).toBe(true)
    expect(audio).toMatch(/City Lights \[0b7c1f5e\]\.mp3$/u)
    const tags = NodeID3.read(audio)
    expect(tags.userDefinedText).toContainEqual(
      expect.objectContaining({ description: 'SONGSHELF_CLIP_ID', value: SUNO })
    )
    const sidecar = JSON.parse(await readFile(audio.replace(/\.mp3$/u, '.json'), 'utf8'))
    expect(sidecar.clip).toMatchObject({ id: SUNO, title: 'City Lights' })

    // Merged: the known clip keeps what the gateway said and gains its audio.
    expect(store.getClip(KNOWN_NO_AUDIO)).toMatchObject({ title: 'Known title', hasAudio: true })
    expect(store.query({ search: 'Home recording' }).rows[0]?.id).toMatch(/^local-/u)
    // Imported songs are not a task to poll.
    expect(
      store
        .listTasks()
        .map((t) => t.id)
        .sort()
    ).toEqual(['t1', 't2'])

    // Importing the same folder again adds nothing.
    const again = await store.importFiles([src])
    expect(again).toMatchObject({ imported: 0, merged: 0, skipped: 6 })
    expect(store.query({}).total).toBe(4)
  })

  it('songshelf import --dry-run --json, then a real run, from the command line', async () => {
    await store.close()
    const dirs = { dataDir: lib.dataDir, libraryDir: lib.libraryDir }
    const dry = await cli(['import', ...commonArgs(dirs), '--dry-run', '--json', src])
    expect(dry.code).toBe(0)
    expect(JSON.parse(dry.out.join('\n'))).toMatchObject({ dryRun: true, imported: 2 })
    const real = await cli(['import', ...commonArgs(dirs), join(src, 'mystery.mp3')])
    expect(real.code).toBe(0)
    expect(real.out.at(-1)).toBe('imported 1, merged 0, skipped 0')
    expect((await cli(['import', ...commonArgs(dirs)])).code).toBe(2)
  })
})
