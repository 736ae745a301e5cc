import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ensureBuilt } from '../../support/build'
import { cli, commonArgs, ROOT, tempLibrary } from '../../support/cli-harness'
import { auditMedia, integrityCheck, listLibrary } from '../../support/library-audit'
import { seededRandom } from '../../support/sim-random'
import { startSimulator, type RecordedRequest, type Simulator } from '../../support/sim-gateway'

// kill -9 at random points of a sync (RELIABILITY.md E5, F4): the built CLI
// (`bin/songshelf.cjs sync --until-done`) runs against the simulator and is killed at a
// seeded point — the Nth request to the CDN, the Nth to the gateway, or once N bytes of a
// long song have left the CDN — never after a sleep. Right after the kill no file under
// a final name may be truncated and the index must be intact; after a restart everything
// completes, with one file per clip and kind.

const RUNS = 20
const TASKS_PER_RUN = 3
const BIG = 2 * 1024 * 1024
const FAST = ['--poll-interval', '0.02', '--timeout', '60']

let sim: Simulator
beforeAll(async () => {
  ensureBuilt()
  sim = await startSimulator({ seed: 404 })
}, 180_000)
afterAll(async () => {
  await sim?.close()
})

type KillPoint =
  { at: 'cdn'; n: number } | { at: 'gateway'; n: number } | { at: 'bytes'; n: number }

const ordinal = (n: number): string =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`

function describePoint(point: KillPoint): string {
  if (point.at === 'bytes') return `${Math.round(point.n / 1024)} KB into the long song`
  return `the ${ordinal(point.n)} ${point.at === 'cdn' ? 'CDN' : 'gateway'} request`
}

/** Seeded: a third of the runs die at a gateway request, a third at a CDN request, a third
 * in the middle of a long body. */
function killPoint(run: number): KillPoint {
  const random = seededRandom(9000 + run)
  const files = (TASKS_PER_RUN + 1) * 2 * 3
  switch (run % 3) {
    case 0:
      return { at: 'gateway', n: 1 + Math.floor(random() * 2) }
    case 1:
      return { at: 'cdn', n: 1 + Math.floor(random() * files) }
    default:
      return { at: 'bytes', n: 64 * 1024 + Math.floor(random() * (BIG - 128 * 1024)) }
  }
}

/** Resolves once the Nth request matching `match` from now on has reached the simulator. */
function nthRequest(match: (r: RecordedRequest) => boolean, n: number): Promise<RecordedRequest> {
  const earlier = new Set(sim.requests)
  let seen = 0
  return sim.waitForRequest((r) => !earlier.has(r) && match(r) && ++seen >= n)
}

const runs = Array.from({ length: RUNS }, (_, i) => ({ run: i + 1, point: killPoint(i + 1) }))

describe('kill -9 during `songshelf sync --until-done`', () => {
  it.each(runs.map((r) => [r.run, describePoint(r.point), r] as const))(
    'run %i: killed at %s, nothing under a final name is truncated and a restart completes',
    async (_run, _label, { run, point }) => {
      const ids = Array.from(
        { length: TASKS_PER_RUN + 1 },
        (_, i) => `c0ffee00-0000-4000-8000-${String(run * 100 + i).padStart(12, '0')}`
      )
      const clipIds: string[] = []
      for (const [i, id] of ids.entries()) {
        const big = i === TASKS_PER_RUN
        const task = sim.addTask({
          id,
          steps: [{ status: 'NOT_START' }, { status: 'SUCCESS' }],
          title: `Run ${run} song ${i}`,
          ...(big ? { bigFile: BIG } : {})
        })
        clipIds.push(...task.clipIds)
        if (big) {
          for (const clipId of task.clipIds) {
            // Long enough to be killed in the middle of; released to full speed after.
            const path = sim.mediaPath(clipId, 'audio')
            sim.setFault({ kind: 'slow', path, delayMs: 4, chunkBytes: 64 * 1024 }, { times: 1 })
          }
        }
      }
      const dirs = tempLibrary()
      expect((await cli(['add', ...commonArgs(dirs), ...ids])).code).toBe(0)

      const bigPaths = new Set(clipIds.slice(-2).map((id) => sim.mediaPath(id, 'audio')))
      const reached =
        point.at === 'bytes'
          ? vi.waitFor(
              () => {
                const sent = sim.requests
                  .filter((r) => bigPaths.has(r.path))
                  .reduce((sum, r) => sum + r.bytesSent, 0)
                if (sent < point.n) throw new Error(`${sent} bytes so far`)
              },
              { timeout: 30_000, interval: 5 }
            )
          : nthRequest((r) => r.origin === point.at, point.n)

      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'bin/songshelf.cjs'),
          'sync',
          '--until-done',
          ...FAST,
          ...commonArgs(dirs, sim)
        ],
        { stdio: 'ignore' }
      )
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      const first = await Promise.race([reached.then(() => 'reached'), exited.then(() => 'exited')])
      expect(first, 'the sync ended before the kill point').toBe('reached')
      child.kill('SIGKILL')
      await exited

      // Right after the kill: whatever is under a final name is whole, the index is intact.
      expect(await auditMedia(dirs.libraryDir, sim, clipIds)).toEqual([])
      expect(integrityCheck(join(dirs.dataDir, 'library.sqlite'))).toBe('ok')

      const restarted = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])
      expect(restarted.err).toEqual([])
      expect(restarted.code).toBe(0)

      const listed = JSON.parse(
        (await cli(['list', '--json', ...commonArgs(dirs)])).out.join('\n')
      ) as {
        id: string
        files: { kind: string; state: string }[]
      }[]
      expect(listed.map((clip) => clip.id).sort()).toEqual([...clipIds].sort())
      for (const clip of listed) {
        for (const kind of ['audio', 'video', 'cover']) {
          expect(clip.files.find((f) => f.kind === kind)?.state, `${clip.id} ${kind}`).toBe('done')
        }
      }
      const listing = listLibrary(dirs.libraryDir)
      expect(listing.media).toHaveLength(clipIds.length * 3)
      expect(listing.parts).toEqual([])
      // Known gap (docs/RELIABILITY.md, E5): a kill while the ID3 tag or the sidecar is
      // being replaced leaves that write's temp file behind, and nothing sweeps it up yet.
      // It is never under a final name; this pins it to exactly that kind of debris.
      for (const temp of listing.temps) expect(temp).toMatch(/\.(mp3|json)\.[0-9a-f]{8}\.tmp$/)
      expect(await auditMedia(dirs.libraryDir, sim, clipIds)).toEqual([])
      expect(integrityCheck(join(dirs.dataDir, 'library.sqlite'))).toBe('ok')
    }
  )
})
