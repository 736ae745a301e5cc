import { createHash } from 'node:crypto'
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, parse, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import NodeID3 from 'node-id3'
import { afterEach, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { dispatch } from '../../../../src/main/core/app/dispatch'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import type { ImportPlan, ImportProgress, ImportReport } from '../../../../src/shared/import'
import { IMPORT_LIMITS } from '../../../../src/shared/import'
import { tempDir } from '../../../support/temp-dirs'

// Drag-in import through the bridge (issue 15): previewImport plans without copying,
// runImport carries the previewed plan out with progress events, and the paths from the
// (untrusted) renderer are bounded and checked in main.

const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url))
const SUNO = '0b7c1f5e-8a11-4f2a-9d3e-1c2b3a4d5e6f'

let core: SongshelfCore | null = null
afterEach(async () => {
  await core?.stop()
  core = null
})

async function setUp(): Promise<{ c: SongshelfCore; src: string; dataDir: string }> {
  const base = tempDir('songshelf-import-bridge-')
  const dataDir = join(base, 'data')
  const host = createHeadlessHost({
    transport: 'web-preview',
    version: '1.2.3',
    dataDir,
    libraryDir: join(base, 'library')
  })
  core = createSongshelfCore(host)
  const src = join(base, 'Downloads')
  await mkdir(src, { recursive: true })
  await copyFile(join(FIXTURES, 'tiny.mp3'), join(src, 'tagged.mp3'))
  const tagged = NodeID3.update(
    { title: 'Tagged Song', userDefinedText: [{ description: 'SUNO_ID', value: SUNO }] },
    join(src, 'tagged.mp3')
  )
  if (tagged !== true) throw tagged
  await copyFile(join(FIXTURES, 'tiny.mp3'), join(src, 'home.mp3'))
  await writeFile(join(src, 'notes.txt'), 'not a song')
  return { c: core, src, dataDir }
}

async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const bytes = await readFile(join(dir, name)).catch(() => null)
    if (bytes !== null) out[name] = createHash('sha256').update(bytes).digest('hex')
  }
  return out
}

describe('previewImport and runImport', () => {
  it('previews without copying, then imports the previewed plan with progress', async () => {
    const { c, src } = await setUp()
    const before = await fingerprint(src)
    const previewed = await dispatch(c.handlers, 'previewImport', { paths: [src] })
    expect(previewed.ok).toBe(true)
    const plan = (previewed as { value: ImportPlan }).value
    expect(plan).toMatchObject({ dryRun: true, imported: 2, merged: 0, skipped: 1 })
    expect(plan.truncated).toBe(false)
    const byName = Object.fromEntries(plan.items.map((i) => [parse(i.source).base, i]))
    expect(byName['tagged.mp3']).toMatchObject({
      action: 'import',
      code: 'suno_id',
      idSource: 'tag',
      clipId: SUNO
    })
    expect(byName['home.mp3']).toMatchObject({ action: 'import', code: 'local_song' })
    expect(byName['notes.txt']).toMatchObject({ action: 'skip', code: 'not_mp3' })
    expect((await c.library().query({ limit: 10 })).total).toBe(0)

    const progress: ImportProgress[] = []
    const off = c.events.subscribe((event, payload) => {
      if (event === 'import-progress') progress.push(payload)
    })
    const ran = await dispatch(c.handlers, 'runImport', { planId: plan.planId })
    off()
    expect(ran).toMatchObject({ ok: true, value: { dryRun: false, imported: 2, skipped: 1 } })
    expect((ran as { value: ImportReport }).value).not.toHaveProperty('truncated')
    const titles = (await c.library().query({ limit: 10 })).rows.map((r) => r.title).sort()
    expect(titles).toHaveLength(2)
    expect(titles).toContain('Tagged Song')
    expect(progress.every((p) => p.planId === plan.planId)).toBe(true)
    expect(progress.at(-1)).toEqual({ planId: plan.planId, phase: 'copying', done: 2, total: 2 })
    expect(progress.some((p) => p.phase === 'reading' && p.total === 3)).toBe(true)
    // Nothing in the source was moved, changed or deleted.
    expect(await fingerprint(src)).toEqual(before)
    // A plan runs once.
    expect(await dispatch(c.handlers, 'runImport', { planId: plan.planId })).toMatchObject({
      ok: false,
      error: { code: 'import_plan_gone' }
    })
  })

  it('refuses relative paths, a bare drive and its own data folder', async () => {
    const { c, dataDir } = await setUp()
    for (const path of ['Downloads/x.mp3', parse(resolve('/')).root, join(dataDir, 'x')]) {
      expect(await dispatch(c.handlers, 'previewImport', { paths: [path] })).toMatchObject({
        ok: false,
        error: { code: 'invalid_path' }
      })
    }
    expect(await dispatch(c.handlers, 'previewImport', { paths: [dataDir] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_path' }
    })
  })

  it('bounds what one call takes: path count, path length, NUL, an unknown plan', async () => {
    const { c, src } = await setUp()
    const many = Array.from({ length: IMPORT_LIMITS.paths + 1 }, (_, i) => join(src, `${i}.mp3`))
    const long = join(src, 'x'.repeat(IMPORT_LIMITS.pathLength))
    for (const paths of [[], many, [long], [`${src}/a\0b.mp3`]]) {
      expect(await dispatch(c.handlers, 'previewImport', { paths })).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' }
      })
    }
    expect(
      await dispatch(c.handlers, 'previewImport', { paths: [src], extra: true })
    ).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    expect(await dispatch(c.handlers, 'runImport', { planId: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' }
    })
    expect(
      await dispatch(c.handlers, 'runImport', { planId: '6f1b3c2a-1d4e-4f5a-8b6c-7d8e9f0a1b2c' })
    ).toMatchObject({ ok: false, error: { code: 'import_plan_gone' } })
  })
})
