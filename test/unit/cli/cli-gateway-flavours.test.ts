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

interface ListedTask {
  id: string
  state: string
  phase: string
  failReason: string | null
  clipIds: string[]
  problem: { code: string; answer: string; answers: number; final: boolean } | null
}

describe('a music task that says SUCCESS but sends nothing readable', () => {
  it('is asked again, then ends as a problem with exit code 1; lyrics tasks are unaffected', async () => {
    const empty = sim.addTask({
      id: '16000000-0000-4000-8000-00000000e001',
      unreadable: {
        data: { clips: [{ title: 'no id here', contact: 'jo@example.com', user_id: 'u-7' }] }
      }
    })
    const lyrics = sim.addTask({ id: '16000000-0000-4000-8000-00000000e002', shape: 'lyrics' })
    await cli(['add', ...commonArgs(dirs), empty.id, lyrics.id])

    const sync = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])
    expect(sync.code).toBe(1)
    expect(sync.out).toContain(
      `failed: ${empty.id}: The gateway says it finished but sent no songs Songshelf understands. Its answer is kept for a bug report; press Retry to ask again.`
    )
    expect(sync.out).toContainEqual(expect.stringMatching(/^summary: 1 done, 0 pending, 1 problem/))
    // The first answer and three more: some gateways fill `data` late.
    expect(empty.successAnswers).toBe(4)

    const tasks = JSON.parse(
      (await cli(['tasks', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as ListedTask[]
    const bad = tasks.find((t) => t.id === empty.id)
    // The clips seen while streaming stay listed (no final file came for them).
    expect(bad).toMatchObject({ state: 'failed', phase: 'unreadable' })
    expect(bad?.clipIds.sort()).toEqual([...empty.clipIds].sort())
    expect(bad?.problem).toMatchObject({ code: 'unreadable_success', answers: 4, final: true })
    expect(bad?.problem?.answer).toContain('no id here')
    expect(bad?.problem?.answer).not.toContain('jo@example.com')
    expect(bad?.problem?.answer).not.toContain('u-7')
    expect(tasks.find((t) => t.id === lyrics.id)).toMatchObject({ phase: 'done', problem: null })
  })

  it('keeps the songs when the gateway fills `data` late', async () => {
    const late = sim.addTask({
      id: '16000000-0000-4000-8000-00000000e003',
      unreadable: { data: null, polls: 2 }
    })
    await cli(['add', ...commonArgs(dirs), late.id])
    const sync = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])
    expect(sync.code).toBe(0)
    const tasks = JSON.parse(
      (await cli(['tasks', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as ListedTask[]
    expect(tasks[0]).toMatchObject({ state: 'succeeded', phase: 'done', problem: null })
    expect(tasks[0]?.clipIds.sort()).toEqual([...late.clipIds].sort())
  })
})
