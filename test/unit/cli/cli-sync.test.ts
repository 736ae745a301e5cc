import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../support/sim-gateway'
import { sameMedia } from '../../support/media-compare'
import { cli, commonArgs, FIXTURES, tempLibrary } from '../../support/cli-harness'

const FAST = ['--poll-interval', '0.02', '--timeout', '60']

interface ListedClip {
  id: string
  taskId: string
  title: string
  styleTags: string | null
  lyrics: string | null
  durationSec: number | null
  model: string | null
  createdAt: number | null
  userTags: string[]
  favorite: boolean
  files: {
    kind: string
    state: string
    path: string | null
    bytes: number | null
    error: string | null
  }[]
}

let sim: Simulator
let dirs: { dataDir: string; libraryDir: string }

beforeEach(async () => {
  sim = await startSimulator({ fixturesDir: FIXTURES, seed: 7 })
  dirs = tempLibrary()
})
afterEach(async () => {
  await sim.close()
})

describe('songshelf add / sync / tasks / list', () => {
  it('adds ids from free text, syncs until done, and lists every file byte-identical to the CDN', async () => {
    const a = sim.addTask({
      id: '11111111-1111-4111-8111-111111111111',
      title: 'City Lights',
      tags: 'synthwave, night',
      lyrics: '[Verse]\nNeon rain'
    })
    const b = sim.addTask({ id: 'task_demo2abc', shape: 'flattened', video: false })
    const add = await cli([
      'add',
      ...commonArgs(dirs),
      `{"data":"${a.id}"} and ${b.id} plus nonsense 1234567890abcdef1234`
    ])
    expect(add.code).toBe(0)
    expect(add.out[0]).toBe('found 2 task ids: 2 added, 0 already known')
    expect(add.out).toContain('not an id: 1234567890abcdef1234')

    const again = await cli(['add', ...commonArgs(dirs), a.id])
    expect(again.out).toContain(`already known: ${a.id}`)

    const sync = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])
    expect(sync.err).toEqual([])
    expect(sync.code).toBe(0)
    expect(sync.out.at(-1)).toMatch(/^summary: 2 done, 0 pending, 0 problem/)

    const tasks = JSON.parse(
      (await cli(['tasks', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as { id: string; state: string; clipIds: string[] }[]
    expect(tasks.map((t) => [t.id, t.state, t.clipIds.length]).sort()).toEqual([
      [a.id, 'succeeded', 2],
      [b.id, 'succeeded', 2]
    ])

    const clips = JSON.parse(
      (await cli(['list', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as ListedClip[]
    expect(clips).toHaveLength(4)
    const city = clips.find((c) => c.taskId === a.id && c.title === 'City Lights')!
    expect(city).toMatchObject({ styleTags: 'synthwave, night', userTags: [], favorite: false })
    expect(city.lyrics).toContain('Neon rain')
    for (const clip of clips) {
      const audio = clip.files.find((f) => f.kind === 'audio')!
      expect(audio.state).toBe('done')
      expect(audio.path!.startsWith(dirs.libraryDir)).toBe(true)
      const served = await fetch(sim.mediaUrl(clip.id, 'audio')).then(async (r) =>
        Buffer.from(await r.arrayBuffer())
      )
      expect(sameMedia('audio', readFileSync(audio.path!), served)).toBe(true)
      expect(readFileSync(audio.path!).subarray(0, 3).toString()).toBe('ID3')
      const cover = clip.files.find((f) => f.kind === 'cover')!
      expect(cover.state).toBe('done')
      const servedCover = await fetch(sim.mediaUrl(clip.id, 'coverLarge')).then(async (r) =>
        Buffer.from(await r.arrayBuffer())
      )
      expect(sameMedia('cover', readFileSync(cover.path!), servedCover)).toBe(true)
      const video = clip.files.find((f) => f.kind === 'video')!
      expect([clip.taskId, video.state]).toEqual([
        clip.taskId,
        clip.taskId === b.id ? 'absent' : 'done'
      ])
      expect(clip.files.find((f) => f.kind === 'sidecar')!.state).toBe('done')
    }
  })

  it('downloads each file exactly once: a second sync fetches nothing from the CDN', async () => {
    const t = sim.addTask({ id: '22222222-2222-4222-8222-222222222222' })
    await cli(['add', ...commonArgs(dirs), t.id])
    expect((await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])).code).toBe(0)
    const mediaBefore = sim.counts().media
    const gatewayBefore = sim.counts().gateway
    const second = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])
    expect(second.code).toBe(0)
    expect(sim.counts().media).toBe(mediaBefore)
    expect(sim.counts().gateway).toBe(gatewayBefore)
    const paths = sim.requests.filter((r) => r.origin === 'cdn').map((r) => r.path)
    expect(new Set(paths).size).toBe(paths.length)
  })

  it('exits 3 fast with a message about the key when the key is wrong, and keeps the tasks', async () => {
    const t = sim.addTask({ id: '33333333-3333-4333-8333-333333333333' })
    await cli(['add', ...commonArgs(dirs), t.id])
    const sync = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim, 'sk-wrong')])
    expect(sync.code).toBe(3)
    expect(sync.err.join('\n')).toMatch(/key/i)
    expect(sync.err.join('\n')).not.toContain('sk-wrong')
    const tasks = JSON.parse(
      (await cli(['tasks', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as { state: string }[]
    expect(tasks).toEqual([expect.objectContaining({ state: 'pending' })])
    expect(sim.requests.filter((r) => r.origin === 'gateway')).toHaveLength(1)
  })

  it('exits 1 and lists each failure with its reason when good and bad tasks are mixed', async () => {
    const good = sim.addTask({ id: '44444444-4444-4444-8444-444444444444' })
    const failed = sim.addTask({
      id: '55555555-5555-4555-8555-555555555555',
      fail: '任务超时（1440分钟）'
    })
    const forbidden = sim.addTask({
      id: '66666666-6666-4666-8666-666666666666',
      links: 'forbidden',
      video: false
    })
    const unknown = '77777777-7777-4777-8777-777777777777'
    await cli(['add', ...commonArgs(dirs), good.id, failed.id, forbidden.id, unknown])
    const sync = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])
    expect(sync.code).toBe(1)
    const text = sync.out.join('\n')
    expect(text).toContain(`failed: ${failed.id}: 任务超时（1440分钟）`)
    expect(text).toContain(`not found: ${unknown}`)
    expect(text).toMatch(
      new RegExp(`file failed: .* audio: The gateway's link is forbidden — ask your provider`)
    )
    const clips = JSON.parse(
      (await cli(['list', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as ListedClip[]
    // The failed generation's clips never get final links: failed, not pending forever.
    for (const c of clips.filter((c) => c.taskId === failed.id)) {
      expect(c.files.find((f) => f.kind === 'audio')).toMatchObject({ state: 'failed' })
    }
    expect(text).not.toContain(`file failed: ${clips.find((c) => c.taskId === failed.id)?.id}`)
    const goodClips = clips.filter((c) => c.taskId === good.id)
    expect(goodClips).toHaveLength(2)
    for (const c of goodClips) expect(c.files.find((f) => f.kind === 'audio')!.state).toBe('done')
  })

  it('says what is missing when no gateway is configured (exit 3) and rejects bad usage (exit 2)', async () => {
    expect((await cli(['sync', '--until-done', ...commonArgs(dirs)])).code).toBe(3)
    expect((await cli(['add', ...commonArgs(dirs), 'hello'])).code).toBe(2)
    expect((await cli(['frobnicate'])).code).toBe(2)
    expect((await cli(['list', '--limit', 'lots', ...commonArgs(dirs)])).code).toBe(2)
    expect((await cli(['sync', '--bogus'])).code).toBe(2)
  })

  it('keeps the text of a lyrics-only task and shows it in tasks --json', async () => {
    const lyrics = sim.addTask({
      id: 'task_lyrics0001',
      shape: 'lyrics',
      title: 'Night Notes',
      lyrics: '[Verse]\nQuiet streets'
    })
    await cli(['add', ...commonArgs(dirs), lyrics.id])
    const sync = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])
    expect(sync.code).toBe(0)
    const tasks = JSON.parse(
      (await cli(['tasks', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as {
      state: string
      clipIds: string[]
      lyrics: { title: string; text: string } | null
    }[]
    expect(tasks).toEqual([
      expect.objectContaining({
        state: 'succeeded',
        clipIds: [],
        lyrics: { title: 'Night Notes', text: expect.stringContaining('Quiet streets') }
      })
    ])
  })

  it('stops at --timeout with exit 1, says what is still pending, and keeps it for next time', async () => {
    const slow = sim.addTask({
      id: '12121212-1212-4121-8121-121212121212',
      steps: [{ status: 'IN_PROGRESS', polls: 10_000 }]
    })
    await cli(['add', ...commonArgs(dirs), slow.id])
    const sync = await cli([
      'sync',
      '--until-done',
      '--poll-interval',
      '0.02',
      '--timeout',
      '0.3',
      ...commonArgs(dirs, sim)
    ])
    expect(sync.code).toBe(1)
    expect(sync.err.join('\n')).toMatch(/timed out with 1 task\(s\) pending/)
    expect(sync.out.at(-1)).toMatch(/^summary: 0 done, 1 pending/)
    const tasks = JSON.parse(
      (await cli(['tasks', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as { state: string }[]
    expect(tasks).toEqual([expect.objectContaining({ state: 'pending' })])
  })

  it('reads ids from stdin and from a file', async () => {
    const viaStdin = await cli(
      ['add', ...commonArgs(dirs), '-'],
      'ids:\n88888888-8888-4888-8888-888888888888\n'
    )
    expect(viaStdin.out[0]).toBe('found 1 task id: 1 added, 0 already known')
  })
})
