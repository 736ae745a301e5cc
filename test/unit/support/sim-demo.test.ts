import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseFile } from 'music-metadata'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, commonArgs, FIXTURES } from '../../support/cli-harness'
import { demoMedia } from '../../support/demo-media'
import { addDemoTasks, type DemoTask } from '../../support/sim-demo'
import { startSimulator, type Simulator } from '../../support/sim-gateway'

// `npm run sim`'s demo is the first thing a newcomer sees (issue 15). Before this, every
// clip was the 2-second tiny.mp3 while the list said 1:34–3:00, and the failing task put
// two "Download failed" songs into the library. This syncs the demo through the real CLI.

interface Listed {
  id: string
  taskId: string
  title: string
  durationSec: number | null
  files: { kind: string; state: string; path: string | null }[]
}
interface TaskRow {
  id: string
  state: string
  failReason: string | null
  clipIds: string[]
  lyrics: { title: string } | null
}

let base: string
let sim: Simulator
let demo: DemoTask[]
let clips: Listed[]
let tasks: TaskRow[]

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'songshelf-demo-'))
  sim = await startSimulator({ fixturesDir: FIXTURES })
  demo = await addDemoTasks(sim, (recipe) => demoMedia(recipe, join(base, 'cache')))
  const dirs = { dataDir: join(base, 'data'), libraryDir: join(base, 'library') }
  expect((await cli(['add', ...commonArgs(dirs), ...demo.map((t) => t.id)])).code).toBe(0)
  const sync = await cli([
    'sync',
    ...commonArgs(dirs, sim),
    '--until-done',
    '--poll-interval',
    '0.02',
    '--timeout',
    '120'
  ])
  // 1: finished, but the failing demo task failed (as it should).
  expect(sync.code).toBe(1)
  clips = JSON.parse((await cli(['list', '--json', ...commonArgs(dirs)])).out.join('\n'))
  tasks = JSON.parse((await cli(['tasks', '--json', ...commonArgs(dirs)])).out.join('\n'))
}, 240_000)

afterAll(async () => {
  await sim.close()
  rmSync(base, { recursive: true, force: true })
})

describe('the npm run sim demo', () => {
  it('serves audio as long as each clip says it is', async () => {
    expect(clips.length).toBe(10)
    for (const clip of clips) {
      const audio = clip.files.find((f) => f.kind === 'audio')
      expect(audio?.state).toBe('done')
      const { format } = await parseFile(audio?.path as string, { duration: true })
      expect(clip.durationSec).toBeGreaterThan(30)
      expect(Math.abs((format.duration ?? 0) - (clip.durationSec ?? 0))).toBeLessThan(1)
    }
  })

  it('has two takes per generation, each with its own sound and cover', () => {
    const byTask = new Map<string, Listed[]>()
    for (const clip of clips) byTask.set(clip.taskId, [...(byTask.get(clip.taskId) ?? []), clip])
    expect([...byTask.values()].every((takes) => takes.length === 2)).toBe(true)
    const audio = new Set(clips.map((c) => readFileSync(pathOf(c, 'audio')).toString('base64')))
    const covers = new Set(clips.map((c) => readFileSync(pathOf(c, 'cover')).toString('base64')))
    expect(audio.size).toBe(clips.length)
    expect(covers.size).toBe(clips.length)
  })

  it('has an extension that links back to its parent take', () => {
    const extended = clips.find((c) => c.title === 'City Lights (Extended)') as Listed
    const sidecar = JSON.parse(
      readFileSync(pathOf(extended, 'audio').replace(/\.mp3$/, '.json'), 'utf8')
    )
    const parent = clips.find((c) => c.id === sidecar.clip.continueClipId)
    expect(parent?.title).toBe('City Lights')
  })

  it('shows the failing generation as a failed task with its reason, not as songs', () => {
    const failed = tasks.filter((t) => t.state === 'failed')
    expect(failed).toHaveLength(1)
    expect(failed[0]?.failReason).toBe('任务超时（1440分钟）')
    expect(failed[0]?.clipIds).toEqual([])
    expect(clips.some((c) => c.taskId === failed[0]?.id)).toBe(false)
  })

  it('has a lyrics-only task', () => {
    expect(tasks.find((t) => t.lyrics !== null)?.lyrics?.title).toBe('Paper Moon')
  })
})

function pathOf(clip: Listed, kind: string): string {
  return clip.files.find((f) => f.kind === kind)?.path as string
}
