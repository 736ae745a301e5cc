import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/core/app/dispatch'
import { createSongshelfCore } from '../../../src/main/core/app/create-core'
import { cli, commonArgs } from '../../support/cli-harness'
import { headlessHost, syncedLibrary, type SyncedLibrary } from '../../support/synced-library'

// Issue 12 §4: clip ids are validated once, at the edge. A gateway answer was checked, but
// `rebuild` read clip ids from sidecars in the library folder unchecked, so a sidecar whose
// id is `../../x` (written by hand, by another tool, or copied from elsewhere) was indexed,
// and every bulk action that included it was then refused by the bridge as a whole.

let lib: SyncedLibrary | null = null
afterEach(async () => {
  await lib?.sim.close()
  if (lib) rmSync(dirname(lib.dirs.dataDir), { recursive: true, force: true })
  lib = null
})

describe('rebuild and sidecars with ids Songshelf refuses', () => {
  it('reports a sidecar whose clip id is ../../x and does not index it; the others stay', async () => {
    lib = await syncedLibrary(
      [{ id: 'b1d00000-0000-4000-8000-000000000001', steps: [{ status: 'SUCCESS' }] }],
      { seed: 171 }
    )
    const month = readdirSync(lib.dirs.libraryDir).find((n) => !n.startsWith('.')) as string
    const folder = join(lib.dirs.libraryDir, month)
    const sidecar = readdirSync(folder).find((n) => n.endsWith('.json')) as string
    const hostileIds = ['../../x', 'x'.repeat(129), 'a\u001b]52;c;aGk=\u0007b']
    hostileIds.forEach((id, n) => {
      const data = JSON.parse(readFileSync(join(folder, sidecar), 'utf8')) as {
        clip: { id: string }
      }
      data.clip.id = id
      writeFileSync(join(folder, `Hostile ${n} [deadbeef].json`), JSON.stringify(data))
    })

    const rebuilt = await cli(['rebuild', ...commonArgs(lib.dirs)])
    expect(rebuilt.code).toBe(0)
    expect(rebuilt.out[0]).toMatch(/^rebuilt the index: 2 clip\(s\)/)
    const refused = rebuilt.out.filter((line) => line.startsWith('refused: '))
    expect(refused).toHaveLength(3)
    expect(refused[0]).toContain(
      `Hostile 0 [deadbeef].json: the clip id "../../x" in it is not one Songshelf accepts (not a clip id), so it was not indexed.`
    )
    // Human output never carries the control characters of a hostile id.
    for (const line of refused) expect([...line].some((c) => c.charCodeAt(0) < 0x20)).toBe(false)
    expect(refused[2]).toContain('"a\\x1b]52;c;aGk=\\x07b"')

    const listed = JSON.parse(
      (await cli(['list', '--json', ...commonArgs(lib.dirs)])).out.join('\n')
    ) as { id: string }[]
    expect(listed.map((c) => c.id).sort()).toEqual([...lib.clipIds].sort())

    // A bulk action over the whole library is not refused because of a stored hostile id.
    const core = createSongshelfCore(headlessHost(lib.dirs, lib.sim))
    try {
      const page = await core.handlers.queryLibrary({})
      const ids = page.rows.map((r) => r.id)
      expect(ids).toHaveLength(2)
      const tagged = await dispatch(core.handlers, 'setFavorite', { ids, favorite: true })
      expect(tagged.ok).toBe(true)
    } finally {
      await core.stop()
    }
  }, 60_000)
})
