import { afterEach, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { dispatch } from '../../../../src/main/core/app/dispatch'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import { tempLibrary } from '../../../support/cli-harness'

// The bridge's undo method: parsed like every request, and an id that is unknown or whose
// window closed changes nothing (the round trips are in core/library/undo.test.ts).

let core: SongshelfCore | null = null
afterEach(async () => {
  await core?.stop()
  core = null
})

describe('undo across the bridge', () => {
  it('refuses what is not an undo id and answers “nothing” for an unknown one', async () => {
    const host = createHeadlessHost({ transport: 'web-preview', version: '1', ...tempLibrary() })
    core = createSongshelfCore(host)
    for (const id of ['', '../x', 'delete-XYZ', 'a'.repeat(200)]) {
      expect(await dispatch(core.handlers, 'undo', { id })).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' }
      })
    }
    expect(await dispatch(core.handlers, 'undo', { id: 'delete-0123456789ab' })).toEqual({
      ok: true,
      value: { undone: false, kind: null, count: 0 }
    })
  })
})
