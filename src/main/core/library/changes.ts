import type { LibraryChange } from '../../../shared/library-change'
import type { QueueState } from '../../../shared/queue'
import { placeholders, type Db } from './db'
import type { Playlists } from './playlists'
import type { Logger } from './types'
import { many, shape, text } from './rows/read'

// THE RULE: write through the library, and everyone who needs to know is told.
//
// Every write the library façade (store.ts) makes records here what it touched: clip
// ids, task ids, playlist ids, whether clips appeared or went away, whether a sidebar
// count may differ. Once the write's transaction commits, the feed publishes ONE
// `LibraryChange` for it (a write inside a larger transaction, such as a poll's batch,
// joins that transaction's change); a rollback drops what was recorded. Nothing outside
// the library announces library writes: the core forwards this feed to its event hub
// (create-core.ts), and from there the app's windows, the web preview's SSE stream and
// the CLI all see the same changes. A change that names clips never asks for a full
// refresh; only `reset` does, and only a write that truly touches everything (a rebuild,
// a recovery, clearing every play count) records one. The play queue's writes are told
// the same way, with the queue's new state (`queue-changed`, from queue/store.ts).

const CLIP_TASK = shape({ id: text, task_id: text })

export type ChangeListener = (change: LibraryChange) => void
export type QueueListener = (state: QueueState) => void

interface Pending {
  clipIds: Set<string>
  taskIds: Set<string>
  playlistIds: Set<string>
  membership: boolean
  facetsDirty: boolean
  reset: boolean
}

const empty = (): Pending => ({
  clipIds: new Set(),
  taskIds: new Set(),
  playlistIds: new Set(),
  membership: false,
  facetsDirty: false,
  reset: false
})

export interface ClipsTouched {
  /** Clips by id (deleted clips must be named this way: their rows are gone). */
  ids?: readonly string[]
  /** Clips by primary key (the writers' own currency); their ids and tasks are read now,
   * inside the write's transaction. */
  pks?: readonly number[]
  membership?: boolean
  facetsDirty?: boolean
  /** Tasks the same write changed (or, for deleted clips, the tasks they belonged to). */
  taskIds?: readonly string[]
  playlistIds?: readonly string[]
}

export class ChangeFeed {
  private pending = empty()
  private readonly listeners = new Set<ChangeListener>()
  /** The play queue's new state, told after its write commits (the `queue-changed` event). */
  private pendingQueue: QueueState | null = null
  private readonly queueListeners = new Set<QueueListener>()

  constructor(
    private readonly db: Db,
    private readonly logger: Logger
  ) {
    db.onCommit(() => this.publish())
    db.onRollback(() => {
      this.pending = empty()
      this.pendingQueue = null
    })
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  subscribeQueue(listener: QueueListener): () => void {
    this.queueListeners.add(listener)
    return () => this.queueListeners.delete(listener)
  }

  /** The play queue changed (entries, order, current entry, shuffle, repeat). */
  queue(state: QueueState): void {
    this.pendingQueue = state
    this.settle()
  }

  /** Clips were written (and, through them, their tasks). */
  clips(touched: ClipsTouched): void {
    const p = this.pending
    const ids = [...(touched.ids ?? [])]
    for (const row of this.rowsOf(touched.pks ?? [], 'pk')) {
      ids.push(row.id)
      p.taskIds.add(row.task_id)
    }
    for (const row of this.rowsOf(touched.ids ?? [], 'id')) p.taskIds.add(row.task_id)
    for (const id of ids) p.clipIds.add(id)
    for (const id of touched.taskIds ?? []) p.taskIds.add(id)
    for (const id of touched.playlistIds ?? []) p.playlistIds.add(id)
    if (touched.membership === true) p.membership = true
    if (touched.facetsDirty === true) p.facetsDirty = true
    this.settle()
  }

  tasks(ids: readonly string[]): void {
    for (const id of ids) this.pending.taskIds.add(id)
    this.settle()
  }

  playlists(ids: readonly string[]): void {
    for (const id of ids) this.pending.playlistIds.add(id)
    this.settle()
  }

  /** Everything may differ: subscribers refresh all they show. */
  reset(): void {
    this.pending.reset = true
    this.settle()
  }

  /** Outside a transaction the write has already committed: publish now. Inside one,
   * wait for its commit (onCommit) or its rollback. */
  private settle(): void {
    if (!this.db.raw.isTransaction) this.publish()
  }

  private publish(): void {
    const change = toChange(this.pending)
    const queue = this.pendingQueue
    this.pending = empty()
    this.pendingQueue = null
    if (change !== null) for (const listener of this.listeners) this.tell(listener, change)
    if (queue !== null) for (const listener of this.queueListeners) this.tell(listener, queue)
  }

  private tell<T>(listener: (value: T) => void, value: T): void {
    try {
      listener(value)
    } catch (error) {
      this.logger.warn('A library change listener failed', { error: (error as Error).message })
    }
  }

  /** The tasks of these clips, read now (call it before the clips are deleted). */
  tasksOf(ids: readonly string[]): string[] {
    return [...new Set(this.rowsOf(ids, 'id').map((row) => row.task_id))]
  }

  private rowsOf(
    keys: readonly (number | string)[],
    column: 'pk' | 'id'
  ): { id: string; task_id: string }[] {
    if (!this.db.raw.isOpen) return []
    const out: { id: string; task_id: string }[] = []
    for (let i = 0; i < keys.length; i += 500) {
      const batch = keys.slice(i, i + 500)
      out.push(
        ...many(
          this.db,
          CLIP_TASK,
          `SELECT id, task_id FROM clips WHERE ${column} IN (${placeholders(batch.length)})`,
          ...batch
        )
      )
    }
    return out
  }
}

function toChange(p: Pending): LibraryChange | null {
  if (p.reset) return { kind: 'reset' }
  const sorted = (set: Set<string>): string[] => [...set].sort()
  if (p.clipIds.size > 0 || p.membership) {
    return {
      kind: 'clips',
      clipIds: sorted(p.clipIds),
      taskIds: sorted(p.taskIds),
      playlistIds: sorted(p.playlistIds),
      membership: p.membership,
      facetsDirty: p.facetsDirty
    }
  }
  if (p.taskIds.size > 0) return { kind: 'tasks', taskIds: sorted(p.taskIds) }
  if (p.playlistIds.size > 0) return { kind: 'playlists', playlistIds: sorted(p.playlistIds) }
  return null
}

/** The playlists of the façade, each write followed by its change. */
export function announcePlaylists(playlists: Playlists, feed: ChangeFeed): Playlists {
  const told = async <T>(id: string, result: Promise<T>): Promise<T> => {
    const value = await result
    feed.playlists([id])
    return value
  }
  return {
    ...playlists,
    create: async (input) => {
      const created = await playlists.create(input)
      feed.playlists([created.id])
      return created
    },
    rename: (id, name) => told(id, playlists.rename(id, name)),
    setRule: (id, rule) => told(id, playlists.setRule(id, rule)),
    delete: (id) => told(id, playlists.delete(id)),
    restore: (id) => told(id, playlists.restore(id)),
    add: (id, clipIds, at) => told(id, playlists.add(id, clipIds, at)),
    remove: (id, itemIds) => told(id, playlists.remove(id, itemIds)),
    move: (id, itemIds, to) => told(id, playlists.move(id, itemIds, to)),
    importM3u: async (input) => {
      const report = await playlists.importM3u(input)
      feed.playlists([report.playlist.id])
      return report
    }
  }
}
