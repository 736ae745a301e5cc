import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/core/app/dispatch'
import { createSongshelfCore } from '../../../src/main/core/app/create-core'
import { downloadFile } from '../../../src/main/core/sync/download'
import { nodeDownloadFs } from '../../../src/main/core/sync/part-file'
import { cli, commonArgs } from '../../support/cli-harness'
import { headlessHost, syncedLibrary, type SyncedLibrary } from '../../support/synced-library'

// Issue 12 §3: files that failed stayed failed. A read-only library during a sync marked
// the files failed and, once the permissions were fixed, `sync` never tried them again;
// the CLI had no `retry`; and the app's "Retry this video" re-queued every failed file of
// the clip because the handler dropped `kind`.

const FAST = ['--poll-interval', '0.02', '--timeout', '60']

let lib: SyncedLibrary | null = null
afterEach(async () => {
  await lib?.sim.close()
  if (lib) rmSync(dirname(lib.dirs.dataDir), { recursive: true, force: true })
  lib = null
})

interface Listed {
  id: string
  files: { kind: string; state: string; error: string | null }[]
}

async function listed(l: SyncedLibrary): Promise<Listed[]> {
  return JSON.parse(
    (await cli(['list', '--json', ...commonArgs(l.dirs)])).out.join('\n')
  ) as Listed[]
}

async function states(l: SyncedLibrary): Promise<string[]> {
  return (await listed(l)).flatMap((c) =>
    c.files
      .filter((f) => f.kind !== 'sidecar')
      .map((f) => `${c.id.slice(0, 4)}:${f.kind}:${f.state}`)
  )
}

describe('failed files come back', () => {
  it('a sync retries files that failed because the library could not be written (EACCES), once it can', async () => {
    // The first sync runs while every write into the library folder is refused.
    const refused = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
    lib = await syncedLibrary(
      [{ id: 'e0e00000-0000-4000-8000-000000000001', steps: [{ status: 'SUCCESS' }] }],
      {
        seed: 31,
        core: {
          engine: {
            download: (opts) =>
              downloadFile({
                ...opts,
                fs: { ...nodeDownloadFs, openForWrite: () => Promise.reject(refused) }
              })
          }
        }
      }
    )
    const before = await listed(lib)
    const failed = before.flatMap((c) => c.files).filter((f) => f.state === 'failed')
    expect(failed).toHaveLength(6)
    expect(failed[0]?.error).toMatch(/^Could not write the file into the library folder\./)

    // The permissions are fixed: the next sync downloads them without being asked.
    const again = await cli(['sync', '--until-done', ...FAST, ...commonArgs(lib.dirs, lib.sim)])
    expect(again.code).toBe(0)
    expect((await states(lib)).filter((s) => !s.endsWith(':done'))).toEqual([])
  })

  it('`songshelf retry` re-queues a file whose link failed, and the next sync downloads it', async () => {
    lib = await syncedLibrary(
      [{ id: 'e0e00000-0000-4000-8000-000000000002', steps: [{ status: 'SUCCESS' }] }],
      { seed: 32 }
    )
    const [clipId] = lib.clipIds as [string]
    // Make the audio fail for good (a 404), as if the link had been briefly broken.
    rmSync(dirname(lib.dirs.dataDir), { recursive: true, force: true })
    lib.sim.setFault({ kind: 'media', path: lib.sim.mediaPath(clipId, 'audio'), as: 'not_found' })
    expect((await cli(['add', ...commonArgs(lib.dirs), lib.taskIds[0] as string])).code).toBe(0)
    const first = await cli(['sync', '--until-done', ...FAST, ...commonArgs(lib.dirs, lib.sim)])
    expect(first.code).toBe(1)
    expect(first.out.join('\n')).toContain(`file failed: ${clipId} audio:`)
    lib.sim.clearFaults()

    // A link failure is not retried by a plain sync (it would hammer a dead link) …
    const plain = await cli(['sync', '--until-done', ...FAST, ...commonArgs(lib.dirs, lib.sim)])
    expect(plain.code).toBe(1)
    // … but `retry` puts it back, and then it downloads.
    expect((await cli(['retry', ...commonArgs(lib.dirs), 'no-such-clip'])).code).toBe(1)
    const retried = await cli(['retry', ...commonArgs(lib.dirs), clipId])
    expect(retried.out).toEqual(['re-queued 1 file(s); run `songshelf sync` to download them'])
    const last = await cli(['sync', '--until-done', ...FAST, ...commonArgs(lib.dirs, lib.sim)])
    expect(last.code).toBe(0)
    expect((await states(lib)).filter((s) => !s.endsWith(':done'))).toEqual([])
  })

  it('the app\'s "Retry" of one file re-queues that file only', async () => {
    lib = await syncedLibrary(
      [{ id: 'e0e00000-0000-4000-8000-000000000003', steps: [{ status: 'SUCCESS' }] }],
      { seed: 33 }
    )
    const [clipId] = lib.clipIds as [string]
    rmSync(dirname(lib.dirs.dataDir), { recursive: true, force: true })
    for (const kind of ['video', 'coverLarge'] as const) {
      lib.sim.setFault({ kind: 'media', path: lib.sim.mediaPath(clipId, kind), as: 'not_found' })
    }
    await cli(['add', ...commonArgs(lib.dirs), lib.taskIds[0] as string])
    await cli(['sync', '--until-done', ...FAST, ...commonArgs(lib.dirs, lib.sim)])
    const core = createSongshelfCore(headlessHost(lib.dirs, lib.sim))
    try {
      const answer = await dispatch(core.handlers, 'retryDownloads', { clipId, kind: 'video' })
      expect(answer).toEqual({ ok: true, value: { changed: 1 } })
    } finally {
      await core.stop()
    }
    const clip = (await listed(lib)).find((c) => c.id === clipId)
    expect(clip?.files.find((f) => f.kind === 'video')?.state).toBe('pending')
    expect(clip?.files.find((f) => f.kind === 'cover')?.state).toBe('failed')
  })
})
