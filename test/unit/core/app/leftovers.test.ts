import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import { createGatewayClient } from '../../../../src/main/core/gateway/client'
import { openLibrary } from '../../../../src/main/core/library'
import { downloadFile } from '../../../../src/main/core/sync/download'
import { pollOnce } from '../../../../src/main/core/sync/poller'
import { DEFAULT_POLICY } from '../../../../src/main/core/sync/schedule'
import { FIXTURES, tempLibrary } from '../../../support/cli-harness'
import { startSimulator, type Simulator } from '../../../support/sim-gateway'

let sim: Simulator | null = null
let core: SongshelfCore | null = null
afterEach(async () => {
  await core?.stop()
  await sim?.close()
  core = null
  sim = null
})

describe('songs downloaded just before a crash', () => {
  it('get their tags and sidecar when the app starts again', async () => {
    sim = await startSimulator({ fixturesDir: FIXTURES })
    const task = sim.addTask({
      id: 'task_leftover01',
      clips: 1,
      video: false,
      steps: [{ status: 'SUCCESS' }]
    })
    const dirs = tempLibrary()

    // A first run downloads the files and is "killed" before it finalizes the clip.
    const library = openLibrary({ ...dirs, createLibraryDir: true })
    library.addTasks([task.id], Date.now())
    const client = createGatewayClient({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey })
    await pollOnce(
      { store: library, client, policy: DEFAULT_POLICY, downloadVideo: false },
      Date.now()
    )
    for (const job of library.downloadJobs()) {
      mkdirSync(dirname(job.targetPath), { recursive: true })
      const outcome = await downloadFile({
        url: job.url,
        targetPath: job.targetPath,
        kind: job.kind
      })
      if (!outcome.ok) throw new Error(outcome.message)
      library.setFileResult(job.clipId, job.kind, {
        state: 'done',
        path: outcome.path,
        bytes: outcome.bytes,
        sha256: outcome.sha256
      })
    }
    const [clipId] = task.clipIds as [string]
    expect(library.unfinishedClips()).toEqual([clipId])
    await library.close()

    // The next start finishes the job.
    const host = createHeadlessHost({
      transport: 'cli',
      version: '0.0.0',
      ...dirs,
      baseUrl: sim.gatewayUrl,
      apiKey: sim.apiKey
    })
    core = createSongshelfCore(host)
    core.start()
    await vi.waitFor(() => expect(core!.library().unfinishedClips()).toEqual([]))
    const sidecar = core
      .library()
      .getClip(clipId)!
      .files.find((f) => f.kind === 'sidecar')!
    expect(sidecar.state).toBe('done')
    expect(existsSync(sidecar.path!)).toBe(true)
  })
})
