import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../src/main/core/app/create-core'
import { createHeadlessHost } from '../../../src/main/core/app/headless-host'
import { startPreviewServer, type PreviewServer } from '../../../src/preview/server'
import type { QueueState } from '../../../src/shared/queue'
import { tempDir } from '../../support/temp-dirs'
import { clip, populate, task } from '../core/library/helpers'

// `queue-changed` comes from the library, not from the bridge handlers (issue 11): the
// queue tells the library's change feed of each committed change, and the core forwards
// it to its hub. So a write made straight through the library (the CLI's way), one made
// through the preview's HTTP bridge, and what the app's windows get from the hub
// (shell.ts subscribes the same hub) are the same events, once each.

const TOKEN = 'preview-token-for-queue-events-0123456789'

let core: SongshelfCore | null = null
let server: PreviewServer | null = null
let stream: AbortController | null = null
afterEach(async () => {
  stream?.abort()
  await server?.close()
  await core?.stop()
  stream = null
  server = null
  core = null
})

interface Seen {
  hub: QueueState[]
  sse: QueueState[]
}

async function start(): Promise<{ origin: string; c: SongshelfCore; seen: Seen }> {
  const base = tempDir('songshelf-queue-events-')
  await mkdir(join(base, 'renderer'))
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><title>x</title>')
  const c = createSongshelfCore(
    createHeadlessHost({
      transport: 'web-preview',
      version: '1.2.3',
      dataDir: join(base, 'data'),
      libraryDir: join(base, 'library')
    })
  )
  core = c
  await populate(c.library(), [task('t1', [clip('c1'), clip('c2'), clip('c3')])])
  server = await startPreviewServer({ core: c, rendererDir: join(base, 'renderer'), token: TOKEN })
  const origin = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`
  const seen: Seen = { hub: [], sse: [] }
  c.events.subscribe((event, payload) => {
    if (event === 'queue-changed') seen.hub.push(payload)
  })
  // The preview page's event stream, read as the browser's EventSource would.
  stream = new AbortController()
  const response = await fetch(`${origin}/api/events?token=${TOKEN}`, { signal: stream.signal })
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const first = await reader.read() // ': connected'
  expect(new TextDecoder().decode(first.value)).toContain('connected')
  void (async () => {
    const decoder = new TextDecoder()
    let buffered = ''
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }))
      if (done) return
      buffered += decoder.decode(value, { stream: true })
      let end = buffered.indexOf('\n\n')
      while (end >= 0) {
        const line = buffered.slice(0, end)
        buffered = buffered.slice(end + 2)
        if (line.startsWith('data: ')) {
          const { event, payload } = JSON.parse(line.slice(6)) as {
            event: string
            payload: QueueState
          }
          if (event === 'queue-changed') seen.sse.push(payload)
        }
        end = buffered.indexOf('\n\n')
      }
    }
  })()
  return { origin, c, seen }
}

async function callApi(origin: string, name: string, payload: unknown): Promise<unknown> {
  const response = await fetch(`${origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Songshelf-Token': TOKEN },
    body: JSON.stringify(payload)
  })
  return response.json()
}

describe('queue-changed comes from the library', () => {
  it('a write straight through the library and one through the bridge are told alike, once', async () => {
    const { origin, c, seen } = await start()
    // The CLI's way: the library's own queue, no handler in between.
    const direct = c.library().queue.add(['c1', 'c2'], false)
    expect(seen.hub).toEqual([direct])
    await expect.poll(() => seen.sse.length).toBe(1)
    expect(seen.sse).toEqual([direct])

    // The preview's bridge (the app's IPC calls the same handlers).
    const answer = (await callApi(origin, 'queueStep', { by: 1 })) as { value: QueueState }
    expect(answer.value.index).toBe(1)
    await expect.poll(() => seen.sse.length).toBe(2)
    expect(seen.hub).toEqual([direct, answer.value])
    expect(seen.sse).toEqual(seen.hub)

    // Saving the position alone is not a change others follow; a repeat mode is.
    c.library().queue.setOptions({ positionMs: 1200 })
    const repeat = c.library().queue.setOptions({ repeat: 'all' })
    expect(seen.hub).toEqual([direct, answer.value, repeat])
    await expect.poll(() => seen.sse.length).toBe(3)
    expect(seen.sse).toEqual(seen.hub)
  })
})
