import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { dispatch } from '../../../../src/main/core/app/dispatch'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import type { QueueState } from '../../../../src/shared/queue'
import { tempLibrary } from '../../../support/cli-harness'
import { clip, populate, task } from '../library/helpers'

// The queue methods across the bridge: payloads parsed strictly (a window is bounded, a
// step is one entry), and one queue-changed event per change, none for a position save.

let core: SongshelfCore | null = null
let base: string | null = null
afterEach(async () => {
  await core?.stop()
  core = null
  if (base !== null) rmSync(base, { recursive: true, force: true })
  base = null
})

async function open(): Promise<SongshelfCore> {
  const dirs = tempLibrary()
  base = dirname(dirs.dataDir)
  const host = createHeadlessHost({ transport: 'web-preview', version: '1.2.3', ...dirs })
  core = createSongshelfCore(host)
  await populate(core.library(), [task('t1', [clip('c1'), clip('c2'), clip('c3')])])
  return core
}

describe('the play queue over the bridge', () => {
  it('plays a view, steps, saves the position, and tells every window', async () => {
    const c = await open()
    const seen: QueueState[] = []
    c.events.subscribe((event, payload) => {
      if (event === 'queue-changed') seen.push(payload)
    })
    const played = await dispatch(c.handlers, 'playQueue', {
      source: { kind: 'library', filter: { generationFailed: false }, sort: 'title' }
    })
    expect(played).toMatchObject({ ok: true, value: { length: 3, index: 0 } })
    expect(await dispatch(c.handlers, 'queueStep', { by: 1 })).toMatchObject({
      ok: true,
      value: { index: 1 }
    })
    await dispatch(c.handlers, 'setQueueOptions', { positionMs: 1500 })
    expect(seen.map((s) => s.index)).toEqual([0, 1])
    const again = await dispatch(c.handlers, 'getQueue', undefined)
    expect(again).toMatchObject({ ok: true, value: { index: 1, positionMs: 1500 } })
  })

  it('refuses malformed requests with a stable code', async () => {
    const c = await open()
    for (const [name, payload] of [
      ['queueWindow', { offset: 0, limit: 100_000 }],
      ['queueStep', { by: 5 }],
      ['playQueue', { source: { kind: 'library', filter: { nope: 1 } } }],
      ['playQueue', { source: { kind: 'clips', ids: ['../x'] } }],
      ['queueAdd', { clipIds: [] }]
    ] as const) {
      const result = await dispatch(c.handlers, name, payload)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    }
  })
})
