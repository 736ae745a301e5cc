import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/core/app/dispatch'
import { createSongshelfCore } from '../../../src/main/core/app/create-core'
import { cli, commonArgs } from '../../support/cli-harness'
import {
  headlessHost,
  SHORT_POLICY,
  syncedLibrary,
  type SyncedLibrary
} from '../../support/synced-library'

// Issue 12 §3: "A file that is missing is shown as missing, with a way to download it again
// while the gateway still has it." A deleted mp3 was listed as missing, but nothing could
// bring it back: `retry` only re-queues failed files with their old (possibly expired) link.
// `songshelf redownload` and the bridge's `redownloadFiles` ask the gateway for the task
// again, queue the missing files with the fresh links, and say plainly when the gateway no
// longer has the song (code gone_upstream).

const FAST = ['--poll-interval', '0.02', '--timeout', '60']
const TASK = 'ed0d0000-0000-4000-8000-000000000001'

interface Listed {
  id: string
  files: { kind: string; state: string; path: string | null; bytes: number | null }[]
}

let lib: SyncedLibrary
beforeEach(async () => {
  lib = await syncedLibrary([{ id: TASK, steps: [{ status: 'SUCCESS' }] }], { seed: 181 })
}, 60_000)
afterEach(async () => {
  await lib.sim.close()
  rmSync(dirname(lib.dirs.dataDir), { recursive: true, force: true })
})

async function listed(): Promise<Listed[]> {
  return JSON.parse(
    (await cli(['list', '--json', ...commonArgs(lib.dirs)])).out.join('\n')
  ) as Listed[]
}

async function fileOf(clipId: string, kind: string): Promise<Listed['files'][number]> {
  const file = (await listed()).find((c) => c.id === clipId)?.files.find((f) => f.kind === kind)
  if (file === undefined) throw new Error(`no ${kind} row for ${clipId}`)
  return file
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

function sidecarChecks(clipId: string): Record<string, { bytes: number; sha256: string }> {
  for (const month of readdirSync(lib.dirs.libraryDir)) {
    if (month.startsWith('.')) continue
    for (const name of readdirSync(join(lib.dirs.libraryDir, month))) {
      if (!name.endsWith('.json')) continue
      const data = JSON.parse(readFileSync(join(lib.dirs.libraryDir, month, name), 'utf8')) as {
        clip: { id: string }
        fileChecks: Record<string, { bytes: number; sha256: string }>
      }
      if (data.clip.id === clipId) return data.fileChecks
    }
  }
  throw new Error(`no sidecar for ${clipId}`)
}

describe('download a missing file again', () => {
  it('CLI: a deleted mp3 is listed missing, `redownload` queues it with a fresh link, `sync` brings it back whole', async () => {
    const [clipId] = lib.clipIds as [string]
    const before = await fileOf(clipId, 'audio')
    const path = before.path as string
    const original = sha(path)
    rmSync(path)
    expect((await fileOf(clipId, 'audio')).state).toBe('missing')

    lib.sim.clearRequests()
    const queued = await cli(['redownload', ...commonArgs(lib.dirs, lib.sim)])
    expect(queued.code).toBe(0)
    expect(queued.out).toEqual([
      'queued 1 file(s) with fresh links; run `songshelf sync` to download them'
    ])
    // The task was asked for again: the link comes from the gateway's answer of now.
    expect(lib.sim.requests.some((r) => r.origin === 'gateway')).toBe(true)
    expect((await fileOf(clipId, 'audio')).state).toBe('pending')

    const synced = await cli(['sync', '--until-done', ...FAST, ...commonArgs(lib.dirs, lib.sim)])
    expect(synced.code).toBe(0)
    const after = await fileOf(clipId, 'audio')
    expect(after.state).toBe('done')
    // Verified at its final name: the same bytes as before it was lost, and the sidecar's
    // recorded size and sha256 match the file on disk.
    expect(statSync(path).size).toBe(after.bytes)
    expect(sha(path)).toBe(original)
    expect(sidecarChecks(clipId).audio).toEqual({ bytes: after.bytes, sha256: original })
    // Nothing else was fetched again.
    const media = lib.sim.requests.filter((r) => r.origin === 'cdn')
    expect(media.map((r) => r.path)).toEqual([lib.sim.mediaPath(clipId, 'audio')])
  })

  it('CLI: a song the gateway no longer has is refused with gone_upstream, and stays missing', async () => {
    const [clipId] = lib.clipIds as [string]
    rmSync((await fileOf(clipId, 'cover')).path as string)
    lib.sim.forgetTask(TASK)
    const answer = await cli(['redownload', ...commonArgs(lib.dirs, lib.sim), clipId])
    expect(answer.code).toBe(1)
    expect(answer.out).toEqual([
      `not queued: ${clipId} cover: The gateway no longer has this song, so it cannot be downloaded again. Restore the file from a backup if you have one. (gone_upstream)`
    ])
    expect((await fileOf(clipId, 'cover')).state).toBe('missing')
  })

  it('CLI: a clip with nothing missing says so; a vanished library folder is refused, not refilled', async () => {
    const [clipId] = lib.clipIds as [string]
    const whole = await cli(['redownload', ...commonArgs(lib.dirs, lib.sim), clipId])
    expect(whole.code).toBe(1)
    expect(whole.out[0]).toContain('(not_missing)')
    renameSync(lib.dirs.libraryDir, `${lib.dirs.libraryDir}.unplugged`)
    const gone = await cli(['redownload', ...commonArgs(lib.dirs, lib.sim)])
    expect(gone.code).toBe(3)
    expect(gone.err.join('\n')).toContain('The library folder is missing')
    renameSync(`${lib.dirs.libraryDir}.unplugged`, lib.dirs.libraryDir)
  })

  it('through the bridge: getClip shows the file missing, redownloadFiles brings it back, gone songs get a code', async () => {
    const [first, second] = lib.clipIds as [string, string]
    const path = (await fileOf(first, 'video')).path as string
    const original = sha(path)
    rmSync(path)
    const core = createSongshelfCore(headlessHost(lib.dirs, lib.sim), {
      engine: { policy: SHORT_POLICY }
    })
    try {
      core.start()
      const detail = await dispatch(core.handlers, 'getClip', { id: first })
      expect(detail).toMatchObject({ ok: true })
      const files = (detail as { value: { files: { kind: string; state: string }[] } }).value.files
      expect(files.find((f) => f.kind === 'video')?.state).toBe('missing')
      expect(files.find((f) => f.kind === 'audio')?.state).toBe('done')

      const answer = await dispatch(core.handlers, 'redownloadFiles', { clipIds: [first] })
      expect(answer).toEqual({ ok: true, value: { queued: 1, refused: [] } })
      await core.engine().untilDone()
      await core.idle()
      expect(sha(path)).toBe(original)
      const back = await core.handlers.getClip({ id: first })
      expect(back?.files.find((f) => f.kind === 'video')?.state).toBe('done')

      // The gateway forgets the task: the next lost file cannot come back, and says why.
      rmSync((await fileOf(second, 'audio')).path as string)
      lib.sim.forgetTask(TASK)
      const gone = await dispatch(core.handlers, 'redownloadFiles', {
        clipIds: [second],
        kind: 'audio'
      })
      expect(gone).toMatchObject({
        ok: true,
        value: { queued: 0, refused: [{ clipId: second, kind: 'audio', code: 'gone_upstream' }] }
      })
      // A payload the schema refuses never reaches the gateway.
      expect(
        await dispatch(core.handlers, 'redownloadFiles', { clipIds: ['../../x'] })
      ).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    } finally {
      await core.stop()
    }
  }, 60_000)
})
