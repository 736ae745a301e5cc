import fc from 'fast-check'
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { METHOD_NAMES } from '../../../src/shared/channels'
import { methods, type MethodName } from '../../../src/shared/contract'
import { createSongshelfCore, type SongshelfCore } from '../../../src/main/core/app/create-core'
import { dispatch } from '../../../src/main/core/app/dispatch'
import { syncedLibrary, type SyncedLibrary } from '../../support/synced-library'
import { snapshotTree, type TreeSnapshot } from '../../support/tree-snapshot'
import { validRequests } from './valid-requests'

// Every bridge method with arbitrary payloads through dispatch(), with the REAL handlers
// of createSongshelfCore on a library synced from the simulator (the renderer is
// untrusted, DESIGN "Shape"): no throw escapes, every answer is `{ ok: boolean }` data
// that survives structured clone and JSON, and nothing outside the library is touched.

let lib: SyncedLibrary
let core: SongshelfCore
let root: string
let outside: string
let outsideBefore: TreeSnapshot
let cwdBefore: string[]
const fetched: string[] = []

beforeAll(async () => {
  lib = await syncedLibrary(
    [
      { id: 'f0220000-0000-4000-8000-000000000001', steps: [{ status: 'SUCCESS' }], title: 'One' },
      { id: 'task_fuzzbridge2', steps: [{ status: 'SUCCESS' }], shape: 'flattened' },
      { id: 'f0220000-0000-4000-8000-000000000003', steps: [{ status: 'SUCCESS' }], fail: 'x' }
    ],
    { seed: 31 }
  )
  root = dirname(lib.dirs.dataDir)
  outside = join(root, 'outside')
  mkdirSync(outside)
  writeFileSync(join(outside, 'secret.txt'), 'do not touch')
  writeFileSync(join(outside, 'other.mp3'), 'ID3 not ours')
  // A way out that a careless path join would follow.
  symlinkSync(outside, join(lib.dirs.libraryDir, 'escape'))
  outsideBefore = snapshotTree(root, ['data', 'library'])
  cwdBefore = readdirSync(process.cwd()).sort()
  // The core is not started (no polling); every request it makes goes to this stand-in.
  const fakeFetch: typeof fetch = async (input) => {
    fetched.push(String(input instanceof Request ? input.url : input))
    return new Response('{"error":{"message":"no"}}', { status: 401 })
  }
  core = createSongshelfCore(lib.host(), { fetch: fakeFetch })
}, 60_000)

afterAll(async () => {
  await core?.stop()
  await lib?.sim.close()
})

/** Values a hostile or buggy renderer might put anywhere in a payload. */
function hostileValue(): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(
    fc.constantFrom(...lib.clipIds, ...lib.taskIds, lib.dirs.libraryDir, outside, root),
    fc.constantFrom(
      '../../outside/secret.txt',
      'escape/secret.txt',
      '/etc/passwd',
      '.',
      '..',
      '/',
      '~',
      'C:\\Windows\\win.ini',
      '\\\\host\\share\\x',
      'https://evil.test/',
      'http://127.0.0.1:1/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      // Shaped like an id the core hands out (an import plan's), so it gets past parsing.
      '6f1b3c2a-1d4e-4f5a-8b6c-7d8e9f0a1b2c',
      '__proto__',
      'constructor',
      'move',
      'rebuild',
      'audio',
      'video',
      'cover',
      ''
    ),
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null)
  )
  return fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 4 }),
    // Queue positions and steps (queueStep takes only 1 or -1).
    fc.constantFrom(0, 1, -1, 2)
  )
}

/** The keys a method's request schema knows, so many payloads get past parsing. */
function keysOf(name: MethodName): string[] {
  const schema: unknown = methods[name].request
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : []
}

function payloadFor(name: MethodName): fc.Arbitrary<unknown> {
  const keys = keysOf(name)
  const shaped = fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue()])), {
    requiredKeys: []
  })
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 1, arbitrary: fc.anything() },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, {}, [], '', 0) }
  )
}

function expectDataResult(result: unknown): void {
  expect(result).toBeTypeOf('object')
  const r = result as { ok: unknown; value?: unknown; error?: { code: unknown; message: unknown } }
  expect(typeof r.ok).toBe('boolean')
  if (r.ok === false) {
    expect(r.error?.code).toMatch(/^[a-z_]+$/)
    expect(typeof r.error?.message).toBe('string')
    expect(String(r.error?.message)).not.toContain(root)
  }
  // Crosses Electron IPC (structured clone) and the preview's HTTP transport (JSON).
  expect(() => structuredClone(result)).not.toThrow()
  expect(() => JSON.stringify(result)).not.toThrow()
}

describe('every bridge method, arbitrary payloads, real handlers', () => {
  it('reaches every handler with a well-formed request first', async () => {
    const requests = validRequests({
      clipId: lib.clipIds[0] ?? 'no-clip',
      taskId: lib.taskIds[0] ?? 'no-task',
      dataDir: lib.dirs.dataDir,
      nowhere: join(root, 'nowhere')
    })
    const refusedAtTheSchema: string[] = []
    for (const name of METHOD_NAMES) {
      const result = await dispatch(core.handlers, name, requests[name])
      expectDataResult(result)
      if (!result.ok && result.error.code === 'invalid_request') refusedAtTheSchema.push(name)
    }
    // Every handler was reached: answered, or refused for a reason past the schema.
    expect(refusedAtTheSchema).toEqual([])
  })

  it('answers data and never throws, whatever the payload', async () => {
    const calls = fc
      .constantFrom(...METHOD_NAMES)
      .chain((name) => fc.tuple(fc.constant(name), payloadFor(name)))
    await fc.assert(
      fc.asyncProperty(calls, async ([name, payload]) => {
        const result = await dispatch(core.handlers, name, payload)
        expectDataResult(result)
      }),
      {
        numRuns: 2000,
        seed: 424242,
        // Every method also gets the two empty payloads.
        examples: [
          ...METHOD_NAMES.flatMap((name): [[MethodName, unknown]][] => [
            [[name, {}]],
            [[name, null]]
          ]),
          // Shapes a random draw rarely or never hits: an undo id (an unknown one is
          // answered) and a real clip's id.
          [['undo', { id: 'delete-0123456789ab' }]],
          [['getClip', { id: lib.clipIds[0] }]],
          [['setFavorite', { ids: lib.clipIds.slice(0, 1), favorite: false }]]
        ]
      }
    )
  })

  it('refuses names that are not methods, including prototype keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')
        ),
        fc.anything(),
        async (name, payload) => {
          fc.pre(!(METHOD_NAMES as readonly string[]).includes(name))
          const result = await dispatch(core.handlers, name, payload)
          expect(result).toEqual({
            ok: false,
            error: { code: 'unknown_method', message: expect.any(String) }
          })
        }
      ),
      { numRuns: 300 }
    )
  })

  it('touched nothing outside the library, and asked the network for nothing but its own calls', () => {
    expect(snapshotTree(root, ['data', 'library'])).toEqual(outsideBefore)
    expect(readdirSync(process.cwd()).sort()).toEqual(cwdBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // Only testConnection may reach out, and only to an http(s) address it was given.
    for (const url of fetched) expect(url).toMatch(/^https?:\/\//)
  })
})
