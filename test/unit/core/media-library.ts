import { copyFile, mkdir, realpath, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MediaKind } from '../../../src/shared/domain'
import { createMediaHandler, type MediaHandler } from '../../../src/main/core/media'
import { tempDir } from '../../support/temp-dirs'

// A library folder for the media handler tests, with the traps of RELIABILITY.md B6
// and B7 laid next to it: a secret outside, a sibling folder with a prefix name,
// symlinks that lead out, and non-media files inside.

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url))

export const SECRET = 'TOP-SECRET-'
export const DATA_SIZE = 1000

export interface TestLibrary {
  root: string
  lib: string
  data: Buffer
  /** clip id → kind → absolute (or deliberately bad) path, as the index would say. */
  index: Map<string, Partial<Record<MediaKind, string>>>
  /** Every clip id the handler looked up. */
  lookups: string[]
  handler: MediaHandler
  path(name: string): string
}

export async function makeLibrary(): Promise<TestLibrary> {
  const root = await realpath(tempDir('songshelf-media-'))
  const lib = join(root, 'lib')
  const outside = join(root, 'outside')
  const sibling = join(root, 'lib-evil')
  await Promise.all([mkdir(join(lib, 'sub'), { recursive: true }), mkdir(outside), mkdir(sibling)])

  // A recognisable pattern: any slice of it can be checked by position.
  const data = Buffer.alloc(DATA_SIZE)
  for (let i = 0; i < DATA_SIZE; i++) data[i] = i % 251
  const secret = Buffer.from(SECRET.repeat(100))

  await writeFile(join(lib, 'data.mp3'), data)
  await writeFile(join(lib, 'empty.mp3'), Buffer.alloc(0))
  await writeFile(join(lib, 'big.mp3'), Buffer.alloc(2 * 1024 * 1024, 7))
  await copyFile(join(FIXTURES, 'tiny.mp4'), join(lib, 'sub', 'v.mp4'))
  await copyFile(join(FIXTURES, 'cover-loop.mp4'), join(lib, 'sub', 'v.cover.mp4'))
  await copyFile(join(FIXTURES, 'cover.jpg'), join(lib, 'c.jpg'))
  await copyFile(join(FIXTURES, 'cover.png'), join(lib, 'c.png'))
  await copyFile(join(FIXTURES, 'cover.webp'), join(lib, 'c.webp'))
  await writeFile(join(lib, 'x.html'), '<script>alert(1)</script>')
  await writeFile(join(lib, 'x.svg'), '<svg onload="alert(1)"/>')
  await writeFile(join(outside, 'secret.mp3'), secret)
  await writeFile(join(sibling, 'x.mp3'), secret)
  await symlink(join(outside, 'secret.mp3'), join(lib, 'link.mp3'))
  await symlink(outside, join(lib, 'dirlink'))

  const index = new Map<string, Partial<Record<MediaKind, string>>>([
    ['data', { audio: join(lib, 'data.mp3') }],
    ['empty', { audio: join(lib, 'empty.mp3') }],
    ['big', { audio: join(lib, 'big.mp3') }],
    ['vid', { video: join(lib, 'sub', 'v.mp4'), video_cover: join(lib, 'sub', 'v.cover.mp4') }],
    ['jpg', { cover: join(lib, 'c.jpg') }],
    ['png', { cover: join(lib, 'c.png') }],
    ['webp', { cover: join(lib, 'c.webp') }],
    ['html', { audio: join(lib, 'x.html'), cover: join(lib, 'x.html') }],
    ['svg', { cover: join(lib, 'x.svg') }],
    ['wrongkind', { video: join(lib, 'data.mp3'), video_cover: join(lib, 'c.jpg') }],
    ['evil', { audio: join(outside, 'secret.mp3') }],
    ['sib', { audio: join(sibling, 'x.mp3') }],
    ['link', { audio: join(lib, 'link.mp3') }],
    ['dirlink', { audio: join(lib, 'dirlink', 'secret.mp3') }],
    ['dotdot', { audio: join(lib, '..', 'outside', 'secret.mp3') }],
    ['rel', { audio: 'data.mp3' }],
    ['nul', { audio: `${join(lib, 'data.mp3')}\0.mp3` }],
    ['ads', { audio: join(lib, 'data.mp3:evil') }],
    ['gone', { audio: join(lib, 'gone.mp3') }],
    ['libroot', { audio: lib }]
  ])
  const lookups: string[] = []
  const handler = createMediaHandler({
    lookup: (clipId, kind) => {
      lookups.push(clipId)
      return index.get(clipId)?.[kind] ?? null
    },
    libraryDir: () => lib
  })
  return { root, lib, data, index, lookups, handler, path: (name) => join(lib, name) }
}

export function mediaRequest(
  url: string,
  init: { method?: string; range?: string; headers?: Record<string, string> } = {}
): Request {
  const headers: Record<string, string> = { ...init.headers }
  if (init.range !== undefined) headers.range = init.range
  return new Request(url, { method: init.method ?? 'GET', headers })
}

export const clipUrl = (id: string, kind: MediaKind | string): string =>
  `songshelf-media://clip/${id}/${kind}`

export async function bodyBytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer())
}
