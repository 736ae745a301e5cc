import { readFileSync, rmSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli, commonArgs, FIXTURES, tempLibrary } from '../../support/cli-harness'
import { startSimulator, type Simulator } from '../../support/sim-gateway'

// Issue 16: the animated cover (upstream `video_cover_url`) is a different asset from the
// music video and is downloaded as a file kind of its own, through the simulated gateway
// over real HTTP, into a real library, then found again by `rebuild`.

const FAST = ['--poll-interval', '0.02', '--timeout', '60']

interface ListedFile {
  kind: string
  state: string
  path: string | null
  bytes: number | null
}

interface ListedClip {
  id: string
  files: ListedFile[]
}

let sim: Simulator
let dirs: { dataDir: string; libraryDir: string }

beforeEach(async () => {
  sim = await startSimulator({ fixturesDir: FIXTURES, seed: 1616 })
  dirs = tempLibrary()
})
afterEach(async () => {
  await sim.close()
  rmSync(dirname(dirs.dataDir), { recursive: true, force: true })
})

async function listed(): Promise<ListedClip[]> {
  const result = await cli(['list', '--json', ...commonArgs(dirs)])
  expect(result.code).toBe(0)
  return JSON.parse(result.out.join('\n')) as ListedClip[]
}

async function served(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(url)).arrayBuffer())
}

const fileOf = (clip: ListedClip | undefined, kind: string): ListedFile | undefined =>
  clip?.files.find((f) => f.kind === kind)

describe('an animated cover', () => {
  it('is downloaded as its own file beside the music video, kept in the sidecar and found by rebuild', async () => {
    // A GoAPI map-shaped task where only the first take has an animated cover.
    const task = sim.addTask({
      id: '16c0c0c0-1616-4161-8161-161616161616',
      shape: 'goapi',
      videoCover: [0]
    })
    const [withLoop, without] = task.clipIds as [string, string]
    await cli(['add', ...commonArgs(dirs), task.id])
    const sync = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])
    expect(sync.err).toEqual([])
    expect(sync.code).toBe(0)

    const clips = await listed()
    const loop = fileOf(
      clips.find((c) => c.id === withLoop),
      'video_cover'
    )
    const video = fileOf(
      clips.find((c) => c.id === withLoop),
      'video'
    )
    expect(loop?.state).toBe('done')
    expect(basename(loop?.path ?? '')).toMatch(
      new RegExp(`\\[${withLoop.slice(0, 8)}\\]\\.cover\\.mp4$`)
    )
    expect(basename(video?.path ?? '')).toMatch(new RegExp(`\\[${withLoop.slice(0, 8)}\\]\\.mp4$`))
    const loopBytes = readFileSync(loop?.path ?? '')
    expect(loopBytes.equals(await served(sim.mediaUrl(withLoop, 'videoCover')))).toBe(true)
    expect(loopBytes.equals(readFileSync(video?.path ?? ''))).toBe(false)
    // A clip without one lists no animated cover at all.
    expect(clips.find((c) => c.id === without)?.files.map((f) => f.kind)).toEqual([
      'audio',
      'video',
      'cover',
      'sidecar'
    ])

    const sidecarPath = (video?.path ?? '').replace(/\.mp4$/u, '.json')
    const sidecar = JSON.parse(readFileSync(sidecarPath, 'utf8')) as {
      files: Record<string, string>
      fileChecks: Record<string, { bytes: number }>
    }
    expect(sidecar.files.video_cover).toBe(basename(loop?.path ?? ''))
    expect(sidecar.fileChecks.video_cover?.bytes).toBe(loopBytes.length)

    // The index alone is lost: the folder brings the animated cover back.
    rmSync(dirs.dataDir, { recursive: true, force: true })
    expect((await cli(['rebuild', ...commonArgs(dirs)])).code).toBe(0)
    const rebuilt = fileOf(
      (await listed()).find((c) => c.id === withLoop),
      'video_cover'
    )
    expect(rebuilt).toMatchObject({ state: 'done', path: loop?.path, bytes: loopBytes.length })
  })

  it('that the CDN refuses fails on its own, and the song and the music video still arrive', async () => {
    const task = sim.addTask({ id: '16c0c0c0-1616-4161-8161-16161616f00d', videoCover: true })
    const first = task.clipIds[0] as string
    sim.setFault({ kind: 'media', path: sim.mediaPath(first, 'videoCover'), as: 'not_found' })
    await cli(['add', ...commonArgs(dirs), task.id])
    const sync = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])
    expect(sync.code).toBe(1)
    expect(sync.out.join('\n')).toContain('animated cover')

    const clip = (await listed()).find((c) => c.id === first)
    expect(fileOf(clip, 'video_cover')?.state).toBe('failed')
    expect(fileOf(clip, 'audio')?.state).toBe('done')
    expect(fileOf(clip, 'video')?.state).toBe('done')

    sim.clearFaults()
    expect((await cli(['retry', first, ...commonArgs(dirs)])).code).toBe(0)
    expect((await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])).code).toBe(0)
    const again = fileOf(
      (await listed()).find((c) => c.id === first),
      'video_cover'
    )
    expect(again?.state).toBe('done')
  })

  it('deleted from the folder comes back with `songshelf redownload --kind video_cover`', async () => {
    const task = sim.addTask({ id: '16c0c0c0-1616-4161-8161-16161616beef', videoCover: [0] })
    const first = task.clipIds[0] as string
    await cli(['add', ...commonArgs(dirs), task.id])
    expect((await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])).code).toBe(0)
    const loop = fileOf(
      (await listed()).find((c) => c.id === first),
      'video_cover'
    )
    rmSync(loop?.path ?? '')

    const again = await cli(['redownload', '--kind', 'video_cover', ...commonArgs(dirs, sim)])
    expect(again.err).toEqual([])
    expect(again.out.join('\n')).toMatch(/queued 1 file/)
    expect((await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])).code).toBe(0)
    expect(
      readFileSync(loop?.path ?? '').equals(await served(sim.mediaUrl(first, 'videoCover')))
    ).toBe(true)
  })
})
