import { DatabaseSync } from 'node:sqlite'
import { existsSync } from 'node:fs'
import type { AppInfo } from '../../../shared/settings'
import type { Handlers } from './dispatch'
import { AppError } from './errors'
import { EventHub } from './events'
import type { Host } from './host'

export interface SongshelfCore {
  handlers: Handlers
  events: EventHub
  /** The `(Request) => Response` media handler shared by the Electron protocol and the web preview. */
  media: (request: Request) => Promise<Response>
  start(): void
  stop(): Promise<void>
}

function sqliteInfo(): { version: string; fts5: boolean } {
  const db = new DatabaseSync(':memory:')
  try {
    const { v } = db.prepare('SELECT sqlite_version() AS v').get() as { v: string }
    let fts5 = true
    try {
      db.exec('CREATE VIRTUAL TABLE probe USING fts5(x)')
    } catch {
      fts5 = false
    }
    return { version: v, fts5 }
  } finally {
    db.close()
  }
}

const notReady = async (): Promise<never> => {
  throw new AppError('not_ready', 'This part of Songshelf is not ready yet.')
}

export function createSongshelfCore(host: Host): SongshelfCore {
  const events = new EventHub()
  const sqlite = sqliteInfo()
  const appInfo = async (): Promise<AppInfo> => {
    const settings = host.settings.get()
    return {
      name: 'Songshelf',
      version: host.version,
      dataDir: host.dataDir,
      libraryDir: settings.libraryDir,
      libraryAvailable: existsSync(settings.libraryDir),
      platform: process.platform,
      transport: host.transport === 'electron' ? 'electron' : 'web-preview',
      sqliteVersion: sqlite.version,
      fts5: sqlite.fts5
    }
  }
  const handlers = new Proxy({ getAppInfo: appInfo } as Partial<Handlers>, {
    get: (target, name: string) => target[name as keyof Handlers] ?? notReady
  }) as Handlers
  return {
    handlers,
    events,
    media: async () => new Response(null, { status: 404 }),
    start: () => undefined,
    stop: async () => undefined
  }
}
