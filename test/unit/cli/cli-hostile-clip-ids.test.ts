import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clipId } from '../../../src/shared/schemas'
import { cli, commonArgs, FIXTURES, tempLibrary } from '../../support/cli-harness'
import { startSimulator, type Simulator } from '../../support/sim-gateway'

// Issue 12 §4: clip ids from the gateway were stored as they came. `../../x`, an overlong
// id or one with control characters went into the index, and the bridge (which accepts
// only `clipId` from src/shared/schemas.ts) then refused every bulk action that named
// it. The ingest edge now applies the same schema: such a clip is not stored, the task
// keeps its other clips, and the refusal is reported. Real HTTP, real SQLite.

const TASK = '12121212-0000-4000-8000-0000000000c1'
const GOOD = 'good-clip_01'
const HOSTILE = ['../../x', 'a'.repeat(129), 'bad\u001b]0;t\u0007id']
const FAST = ['--poll-interval', '0.02', '--timeout', '60']

let sim: Simulator
let dirs: { dataDir: string; libraryDir: string }

beforeAll(async () => {
  sim = await startSimulator({ fixturesDir: FIXTURES, seed: 12 })
  dirs = tempLibrary()
  sim.addTask({ id: TASK, clips: 4, clipIds: [GOOD, ...HOSTILE], video: false })
  expect((await cli(['add', ...commonArgs(dirs), TASK])).code).toBe(0)
}, 120_000)
afterAll(async () => {
  await sim?.close()
  if (dirs) rmSync(dirname(dirs.dataDir), { recursive: true, force: true })
})

describe('clip ids the bridge would refuse never reach the index', () => {
  it('sync keeps the valid clip, stores none of the others, and says so', async () => {
    const sync = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])
    const text = sync.out.join('\n')
    for (const id of HOSTILE)
      expect(text).toContain(`refused clip id: ${TASK}: ${JSON.stringify(id)}`)
    expect(text).toContain('3 problem(s)')
    expect(sync.code).toBe(1)

    const clips = JSON.parse(
      (await cli(['list', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as { id: string; files: { kind: string; state: string }[] }[]
    expect(clips.map((c) => c.id)).toEqual([GOOD])
    expect(clips[0].files.find((f) => f.kind === 'audio')?.state).toBe('done')
    // Every stored id passes the bridge's own schema, so a bulk action over all of them works.
    for (const c of clips) expect(clipId.safeParse(c.id).success).toBe(true)
  })

  it('tasks --json lists the refused ids with a reason', async () => {
    const tasks = JSON.parse(
      (await cli(['tasks', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as { id: string; clipIds: string[]; refusedClips?: { id: string; reason: string }[] }[]
    const task = tasks.find((t) => t.id === TASK)
    expect(task?.clipIds).toEqual([GOOD])
    expect(task?.refusedClips?.map((r) => r.id).sort()).toEqual([...HOSTILE].sort())
    for (const r of task?.refusedClips ?? []) expect(r.reason).toBe('not a clip id')
  })

  it("each refusal carries a code, so the app can say what is wrong in the user's language", async () => {
    const tasks = JSON.parse(
      (await cli(['tasks', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as { id: string; refusedClips?: { id: string; code?: string }[] }[]
    const codes = Object.fromEntries(
      (tasks.find((t) => t.id === TASK)?.refusedClips ?? []).map((r) => [r.id, r.code])
    )
    expect(codes).toEqual({
      [HOSTILE[0]]: 'path',
      [HOSTILE[1]]: 'too_long',
      [HOSTILE[2]]: 'control'
    })
  })
})
