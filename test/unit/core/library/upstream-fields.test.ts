import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { normalizeTask } from '../../../../src/main/core/gateway/normalize'
import { gatewayFixture } from '../gateway/gateway-fixtures'
import { clip, populate, task, tempLibrary, type TempLibrary } from './helpers'

// Issue 16's upstream fields in the index, the detail, the facets, the sidecar and a
// rebuild: take, has_vocal, stems and lineage, from the upstream fixture.

let lib: TempLibrary
beforeEach(async () => {
  lib = await tempLibrary()
})
afterEach(async () => {
  await lib.cleanup()
})

const UPSTREAM_ID = 'c0ffee00-0000-4000-8000-000000000001'
const REMASTERED = '9a000000-0000-4000-8000-000000000009'
const STEM_FROM = '5e000000-0000-4000-8000-000000000005'

function sidecarPath(): string {
  const month = join(lib.libraryDir, '2026-12')
  const name = readdirSync(month).find((f) => f.endsWith('[c0ffee00].json'))
  return join(month, name ?? '')
}

async function fill(): Promise<void> {
  const upstream = normalizeTask(gatewayFixture('upstream-full'))
  if (upstream === null) throw new Error('fixture did not parse')
  await populate(lib.store, [
    upstream,
    task('t-orig', [clip(REMASTERED, { title: 'Harbour', batchIndex: 0, hasVocal: true })])
  ])
}

function seen(): unknown {
  const detail = lib.store.getClip(UPSTREAM_ID)
  const row = lib.store.query({}).rows.find((r) => r.id === UPSTREAM_ID)
  return {
    take: row?.take,
    instrumental: row?.instrumental,
    lineage: detail?.lineage,
    stem: detail?.stem
  }
}

describe('upstream fields in the library', () => {
  it('shows the take, the instrumental flag, stems and lineage with titles found in the library', async () => {
    await fill()
    const detail = lib.store.getClip(UPSTREAM_ID)
    expect(detail?.take).toBe(2)
    expect(detail?.instrumental).toBe(true)
    expect(detail?.stem).toMatchObject({ typeId: 91, typeGroupName: 'Instrumental' })
    expect(detail?.lineage?.find((e) => e.kind === 'remaster')).toEqual({
      kind: 'remaster',
      clipId: REMASTERED,
      atSec: null,
      title: 'Harbour'
    })
    expect(detail?.lineage?.find((e) => e.kind === 'infill')).toMatchObject({
      atSec: 83.2,
      title: null
    })
    expect(lib.store.getClip(REMASTERED)).toMatchObject({ take: 1, instrumental: false })
  })

  it('counts instrumentals in the facets and filters by them', async () => {
    await fill()
    expect(lib.store.facets({}).instrumental).toBe(1)
    expect(lib.store.query({ instrumental: true }).rows.map((r) => r.id)).toEqual([UPSTREAM_ID])
    expect(lib.store.query({ instrumental: false }).rows.map((r) => r.id)).toEqual([REMASTERED])
  })

  it('keeps everything the gateway sent in the sidecar, and a rebuild restores the fields', async () => {
    await fill()
    const before = seen()
    const month = join(lib.libraryDir, '2026-12')
    const name = readdirSync(month).find((f) => f.endsWith('[c0ffee00].json'))
    const sidecar = JSON.parse(readFileSync(join(month, name ?? ''), 'utf8')) as {
      gateway: { media_urls: unknown[]; batch_index: number; metadata: Record<string, unknown> }
    }
    expect(sidecar.gateway.media_urls).toHaveLength(2)
    expect(sidecar.gateway.batch_index).toBe(1)
    expect(sidecar.gateway.metadata.history).toHaveLength(2)
    expect(sidecar.gateway.metadata.stem_type_id).toBe(91)
    expect(JSON.stringify(sidecar)).not.toContain('u-123')

    await lib.store.close()
    await rm(join(lib.dataDir), { recursive: true, force: true })
    const fresh = lib.open()
    await fresh.rebuild()
    lib.store = fresh
    expect(seen()).toEqual(before)
  })

  it('lists them in `songshelf list --json` and in the sidecar clip section', async () => {
    await fill()
    const listed = lib.store.listClipsForCli({}).find((c) => c.id === UPSTREAM_ID)
    const expected = {
      take: 2,
      instrumental: true,
      stem: { hasStem: true, fromId: STEM_FROM, typeId: 91, typeGroupName: 'Instrumental' },
      lineage: lib.store.getClip(UPSTREAM_ID)?.lineage?.map(({ title: _, ...edge }) => edge)
    }
    expect(expected.lineage?.length).toBeGreaterThan(3)
    expect(listed).toMatchObject(expected)
    // A clip with vocals, no stems and no lineage.
    expect(lib.store.listClipsForCli({}).find((c) => c.id === REMASTERED)).toMatchObject({
      take: 1,
      instrumental: false,
      stem: null,
      lineage: []
    })
    expect(JSON.parse(readFileSync(sidecarPath(), 'utf8')).clip).toMatchObject({
      ...expected,
      videoCoverUrl: 'https://cdn1.suno.ai/video_cover_c0ffee00-0000-4000-8000-000000000001.mp4'
    })
  })

  it('a rebuild takes them from the sidecar clip section when the gateway section lacks them', async () => {
    await fill()
    const before = seen()
    const path = sidecarPath()
    const sidecar = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
    writeFileSync(path, JSON.stringify({ ...sidecar, gateway: { id: UPSTREAM_ID } }))
    await lib.store.close()
    await rm(join(lib.dataDir), { recursive: true, force: true })
    lib.store = lib.open()
    await lib.store.rebuild()
    expect(seen()).toEqual(before)
  })
})
