import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ensureBuilt } from '../../support/build'
import { cli, commonArgs, FIXTURES, ROOT, tempLibrary } from '../../support/cli-harness'
import { mp3Payload, sha256 } from '../../support/media-compare'
import { startSimulator, type Simulator } from '../../support/sim-gateway'

let sim: Simulator | null = null
beforeAll(() => ensureBuilt(), 180_000)
afterEach(async () => {
  await sim?.close()
  sim = null
})

function partFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const found: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.mp3.part'))
      found.push(join(entry.parentPath, entry.name))
  }
  return found
}

describe('a download killed mid-way', () => {
  it('resumes after a restart, transfers at most 1.5× the file, and ends byte-identical', async () => {
    sim = await startSimulator({ fixturesDir: FIXTURES, seed: 3 })
    const size = 6 * 1024 * 1024
    const task = sim.addTask({
      id: '99999999-9999-4999-8999-999999999999',
      clips: 1,
      video: false,
      bigFile: size
    })
    const [clipId] = task.clipIds as [string]
    const audioPath = sim.mediaPath(clipId, 'audio')
    // Slow the mp3 down so the process is surely killed in the middle of it.
    sim.setFault({ kind: 'slow', path: audioPath, delayMs: 20, chunkBytes: 64 * 1024 })
    const dirs = tempLibrary()
    expect((await cli(['add', ...commonArgs(dirs), task.id])).code).toBe(0)

    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/songshelf.cjs'),
        'sync',
        '--until-done',
        '--poll-interval',
        '0.02',
        ...commonArgs(dirs, sim)
      ],
      { stdio: 'ignore' }
    )
    const exited = new Promise((resolve) => child.once('exit', resolve))
    // Wait for the state we want (a third of the file on disk), then kill -9.
    await vi.waitFor(
      () => {
        const [part] = partFiles(dirs.libraryDir)
        expect(part && statSync(part).size).toBeGreaterThan(size / 3)
      },
      { timeout: 60_000, interval: 20 }
    )
    child.kill('SIGKILL')
    await exited
    const [part] = partFiles(dirs.libraryDir)
    const before = statSync(part!).size
    expect(before).toBeLessThan(size)

    sim.clearFaults()
    const resumed = await cli([
      'sync',
      '--until-done',
      '--poll-interval',
      '0.02',
      '--timeout',
      '60',
      ...commonArgs(dirs, sim)
    ])
    expect(resumed.code).toBe(0)

    const audioRequests = sim.requests.filter((r) => r.origin === 'cdn' && r.path === audioPath)
    const transferred = audioRequests.reduce((sum, r) => sum + r.bytesSent, 0)
    expect(transferred).toBeLessThanOrEqual(size * 1.5)
    expect(audioRequests.at(-1)!.range).toBe(`bytes=${before}-`)
    expect(audioRequests.at(-1)!.status).toBe(206)

    const list = JSON.parse(
      (await cli(['list', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as {
      files: { kind: string; path: string | null }[]
    }[]
    const finalPath = list[0]!.files.find((f) => f.kind === 'audio')!.path!
    const served = Buffer.from(await (await fetch(sim.mediaUrl(clipId, 'audio'))).arrayBuffer())
    expect(sha256(mp3Payload(readFileSync(finalPath)))).toBe(sha256(mp3Payload(served)))
    expect(partFiles(dirs.libraryDir)).toEqual([])
  })
})

describe('songshelf sync running as a daemon', () => {
  it('stops cleanly on Ctrl+C with a summary, keeping pending tasks', async () => {
    sim = await startSimulator({ fixturesDir: FIXTURES, seed: 4 })
    const task = sim.addTask({
      id: '34343434-3434-4343-8343-343434343434',
      steps: [{ status: 'QUEUED', polls: 10_000 }]
    })
    const dirs = tempLibrary()
    await cli(['add', ...commonArgs(dirs), task.id])
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/songshelf.cjs'),
        'sync',
        '--poll-interval',
        '0.05',
        ...commonArgs(dirs, sim)
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code))
    )
    // Once the gateway has been asked, interrupt it as a user would.
    await sim.waitForRequest((r) => r.origin === 'gateway')
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(out).toMatch(/summary: 0 done, 1 pending, 0 problem/)
    const tasks = JSON.parse(
      (await cli(['tasks', '--json', ...commonArgs(dirs)])).out.join('\n')
    ) as { state: string }[]
    expect(tasks).toEqual([expect.objectContaining({ state: 'pending' })])
  })
})
