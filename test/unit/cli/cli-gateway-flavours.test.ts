import { readFileSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sameMedia } from '../../support/media-compare'
import { cli, commonArgs, FIXTURES, tempLibrary } from '../../support/cli-harness'
import { startSimulator, type Simulator } from '../../support/sim-gateway'

// Gateway flavours end to end (issue 16): the simulated gateway over real HTTP, the CLI
// in-process, a real index and real files.

const FAST = ['--poll-interval', '0.02', '--timeout', '60']

interface ListedClip {
  id: string
  taskId: string
  files: { kind: string; state: string; path: string | null }[]
}

let sim: Simulator
let dirs: { dataDir: string; libraryDir: string }

beforeEach(async () => {
  sim = await startSimulator({ fixturesDir: FIXTURES, seed: 16 })
  dirs = tempLibrary()
})
afterEach(async () => {
  await sim.close()
  rmSync(dirname(dirs.dataDir), { recursive: true, force: true })
})

describe('a GoAPI task whose clips come as a map keyed by clip id', () => {
  it('ends with both songs downloaded, the id-less one found by its key', async () => {
    const task = sim.addTask({ id: '16161616-1616-4161-8161-161616161616', shape: 'goapi' })
    expect((await cli(['add', ...commonArgs(dirs), task.id])).code).toBe(0)

    const sync = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])
    expect(sync.err).toEqual([])
    expect(sync.code).toBe(0)
    expect(sync.out.at(-1)).toMatch(/^summary: 1 done, 0 pending, 0 problem/)

    const clips = JSON.parse(
      (await cli(['list', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as ListedClip[]
    expect(clips.map((c) => c.id).sort()).toEqual([...task.clipIds].sort())
    for (const clip of clips) {
      const audio = clip.files.find((f) => f.kind === 'audio')
      expect(audio?.state).toBe('done')
      const served = await fetch(sim.mediaUrl(clip.id, 'audio')).then(async (r) =>
        Buffer.from(await r.arrayBuffer())
      )
      expect(sameMedia('audio', readFileSync(audio?.path ?? ''), served)).toBe(true)
    }
  })
})
