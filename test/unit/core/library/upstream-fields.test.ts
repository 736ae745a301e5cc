import { readdirSync, readFileSync } from 'node:fs'
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
})
