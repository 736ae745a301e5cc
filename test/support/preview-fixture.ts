import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { createSongshelfCore, type SongshelfCore } from '../../src/main/core/app/create-core'
import { startPreviewServer, type PreviewServer } from '../../src/preview/server'
import { syncedLibrary, type SyncedLibrary } from './synced-library'

// The web preview's HTTP server (the same code `npm run preview:web` runs) over a library
// synced from the simulator, with traps laid around it: a secret file outside the
// library, a sibling folder whose name starts with the library's, and a symlink inside
// the library that leads out (RELIABILITY.md B6).

export const SECRET_MARK = 'SONGSHELF-SECRET-OUTSIDE-THE-LIBRARY'

export interface PreviewFixture {
  lib: SyncedLibrary
  core: SongshelfCore
  server: PreviewServer
  port: number
  token: string
  close(): Promise<void>
}

export async function previewOverLibrary(seed = 21): Promise<PreviewFixture> {
  const lib = await syncedLibrary(
    [
      { id: 'b0a70000-0000-4000-8000-000000000001', steps: [{ status: 'SUCCESS' }] },
      { id: 'b0a70000-0000-4000-8000-000000000002', steps: [{ status: 'SUCCESS' }], video: false }
    ],
    { seed }
  )
  const root = dirname(lib.dirs.libraryDir)
  const secret = Buffer.from(`ID3${SECRET_MARK.repeat(50)}`)
  mkdirSync(join(root, 'outside'))
  mkdirSync(join(root, 'renderer'))
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Songshelf</title>')
  writeFileSync(join(root, 'outside', 'secret.mp3'), secret)
  mkdirSync(join(root, 'library-evil'))
  writeFileSync(join(root, 'library-evil', 'x.mp3'), secret)
  symlinkSync(join(root, 'outside'), join(lib.dirs.libraryDir, 'escape'))
  symlinkSync(join(root, 'outside', 'secret.mp3'), join(lib.dirs.libraryDir, 'escape.mp3'))
  const core = createSongshelfCore(lib.host())
  const server = await startPreviewServer({
    core,
    // Beside `outside`, so a static-file traversal is one `..` away from the secret.
    rendererDir: join(root, 'renderer'),
    token: 'preview-token-for-tests-0123456789abcdef',
    // The traversal suites send thousands of wrong tokens on purpose; the limiter that
    // would answer them 429 has its own test (security/preview-guard.test.ts).
    maxFailedAuth: Number.POSITIVE_INFINITY
  })
  return {
    lib,
    core,
    server,
    port: (server.server.address() as AddressInfo).port,
    token: server.token,
    close: async () => {
      await server.close()
      await core.stop()
      await lib.sim.close()
    }
  }
}
