import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { startSimulator, type Simulator } from '../support/sim-gateway'
import { startPreview, tempDirs, type RunningPreview } from './support/preview'
import { callPreview, waitForClips } from './support/seed'

// The media handler through real HTTP in Chromium (DESIGN.md "Media protocol"): the same
// core `(Request) => Response` function the Electron scheme uses. A 90 s mp4 whose moov
// atom is at the END must seek, which only works when Range is answered with 206.

const FIXTURES = resolve(import.meta.dirname, '../fixtures')
let sim: Simulator
let preview: RunningPreview
let clipId: string

test.beforeAll(async () => {
  // Serve the long files as every clip's media.
  const media = mkdtempSync(join(tmpdir(), 'songshelf-media-'))
  copyFileSync(join(FIXTURES, 'long.mp3'), join(media, 'tiny.mp3'))
  copyFileSync(join(FIXTURES, 'seek.mp4'), join(media, 'tiny.mp4'))
  copyFileSync(join(FIXTURES, 'cover.jpg'), join(media, 'cover.jpg'))
  sim = await startSimulator({ fixturesDir: media })
  sim.addTask({ id: 'task_mediaspec01', clips: 1, steps: [{ status: 'SUCCESS' }] })
  preview = await startPreview({ ...tempDirs(), baseUrl: sim.gatewayUrl, key: sim.apiKey })
  await callPreview(preview, 'addTasks', { text: 'task_mediaspec01' })
  const [row] = await waitForClips(preview, 1)
  clipId = row!.id
})
test.afterAll(async () => {
  await preview.stop()
  await sim.close()
})

const url = (kind: string, id = clipId, token = preview.token): string =>
  `${preview.origin}/media/clip/${id}/${kind}?token=${encodeURIComponent(token)}`

test('a long mp4 with its index at the end seeks to a chosen time and lands within 0.5 s', async ({
  page
}) => {
  await page.goto(preview.url)
  const result = await page.evaluate(async (src) => {
    const video = document.createElement('video')
    video.muted = true
    video.preload = 'auto'
    video.src = src
    document.body.append(video)
    await new Promise((ok, fail) => {
      video.addEventListener('loadedmetadata', ok, { once: true })
      video.addEventListener('error', () => fail(new Error('video error')), { once: true })
    })
    const seekableEnd = video.seekable.length ? video.seekable.end(0) : 0
    video.currentTime = 65
    await new Promise((ok) => video.addEventListener('seeked', ok, { once: true }))
    return { duration: video.duration, seekableEnd, time: video.currentTime }
  }, url('video'))
  expect(result.duration).toBeGreaterThan(80)
  expect(result.seekableEnd).toBeGreaterThan(80)
  expect(Math.abs(result.time - 65)).toBeLessThan(0.5)
})

test('a long mp3 seeks too', async ({ page }) => {
  await page.goto(preview.url)
  const time = await page.evaluate(async (src) => {
    const audio = new Audio(src)
    await new Promise((ok) => audio.addEventListener('loadedmetadata', ok, { once: true }))
    audio.currentTime = 42
    await new Promise((ok) => audio.addEventListener('seeked', ok, { once: true }))
    return audio.currentTime
  }, url('audio'))
  expect(Math.abs(time - 42)).toBeLessThan(0.5)
})

test('ranges, HEAD and unsatisfiable ranges answer as HTTP says', async ({ request }) => {
  const full = await request.get(url('video'))
  expect(full.status()).toBe(200)
  expect(full.headers()['accept-ranges']).toBe('bytes')
  expect(full.headers()['content-type']).toBe('video/mp4')
  expect(full.headers()['x-content-type-options']).toBe('nosniff')
  const size = (await full.body()).length

  const part = await request.get(url('video'), { headers: { Range: 'bytes=10-20' } })
  expect(part.status()).toBe(206)
  expect(part.headers()['content-range']).toBe(`bytes 10-20/${size}`)
  expect((await part.body()).length).toBe(11)

  const tail = await request.get(url('video'), { headers: { Range: 'bytes=-100' } })
  expect(tail.status()).toBe(206)
  expect((await tail.body()).length).toBe(100)

  const head = await request.head(url('audio'))
  expect(head.status()).toBe(200)
  expect(Number(head.headers()['content-length'])).toBeGreaterThan(0)
  expect((await head.body()).length).toBe(0)

  const beyond = await request.get(url('video'), { headers: { Range: `bytes=${size}-` } })
  expect(beyond.status()).toBe(416)
  expect(beyond.headers()['content-range']).toBe(`bytes */${size}`)
})

test('traversal attempts, unknown ids and missing tokens get nothing', async ({ request }) => {
  const attempts = [
    `${preview.origin}/media/clip/..%2F..%2F..%2Fetc%2Fpasswd/audio?token=${preview.token}`,
    `${preview.origin}/media/clip/%2e%2e/%2e%2e/audio?token=${preview.token}`,
    `${preview.origin}/media/clip/..%5C..%5Cwin.ini/audio?token=${preview.token}`,
    `${preview.origin}/media/clip/${clipId}/..%2F..%2Flibrary.sqlite?token=${preview.token}`,
    url('audio', 'not-in-the-index'),
    url('sidecar'),
    url('audio', clipId, 'wrong-token')
  ]
  for (const attempt of attempts) {
    const response = await request.get(attempt)
    expect([400, 401, 403, 404], attempt).toContain(response.status())
    const body = await response.text()
    expect(body, attempt).not.toContain('root:')
    expect(body, attempt).not.toContain('SQLite format')
  }
})
