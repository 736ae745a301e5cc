import type { ClipRow } from '../../../../src/shared/domain'
import type { QueueState, RepeatMode } from '../../../../src/shared/queue'
import type { MethodName, RequestOf, ResponseOf } from '../../../../src/shared/contract'
import { installFakeApi, type FakeApi } from './fake-api'

// A small in-memory stand-in for the core's queue methods (the real one, in the index,
// is tested in test/unit/core/library/queue): an array of entries and a cursor, enough to
// test what the player store does with the answers.

export interface FakeQueue {
  fake?: FakeApi
  ids(): string[]
  /** Rows the fake knows by id (a library view plays these). */
  register(rows: ClipRow[]): void
}

type Extra = {
  [M in MethodName]?: (request: RequestOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>>
}

/** Rows every fake queue knows: the test helpers' clip() remembers each row it makes. */
const remembered = new Map<string, ClipRow>()
export function rememberRows(rows: readonly ClipRow[]): void {
  for (const row of rows) remembered.set(row.id, row)
}

export function installFakeQueue(library: ClipRow[] = [], extra: Extra = {}): FakeQueue {
  const { queue } = installFakeApi(extra)
  queue.register(library)
  return queue
}

/** The queue methods of the fake, for installFakeApi (every fake api has a queue). */
export function fakeQueueHandlers(library: ClipRow[] = []): {
  handlers: Extra
  queue: Omit<FakeQueue, 'fake'>
} {
  const own = new Map<string, ClipRow>(library.map((row) => [row.id, row]))
  const known = { get: (id: string): ClipRow | undefined => own.get(id) ?? remembered.get(id) }
  let entries: string[] = []
  let explicit = new Set<number>()
  let index = -1
  let revision = 0
  let repeat: RepeatMode = 'off'
  let shuffle = false
  let positionMs = 0
  let unshuffled: string[] | null = null

  const playable = (id: string): boolean => {
    const row = known.get(id)
    return row !== undefined && row.hasAudio && !row.generationFailed
  }
  const state = (extra: Partial<QueueState> = {}): QueueState => ({
    revision,
    length: entries.length,
    index,
    current: index >= 0 ? (known.get(entries[index] as string) ?? null) : null,
    currentExplicit: explicit.has(index),
    source: entries.length > 0 ? { kind: 'clips', ids: [] } : null,
    shuffle,
    repeat,
    positionMs,
    ...extra
  })
  const changed = (): QueueState => {
    revision += 1
    return state()
  }

  const handlers: Extra = {
    getQueue: () => state(),
    playQueue: ({ source, at, clipId, shuffle: random }) => {
      const ids = source.kind === 'clips' ? source.ids : [...own.keys()]
      entries = ids.filter(playable)
      explicit = new Set()
      shuffle = random === true
      index = entries.length === 0 ? -1 : Math.min(at ?? 0, entries.length - 1)
      if (clipId !== undefined && entries[index] !== clipId) {
        const found = entries.indexOf(clipId)
        if (found >= 0) index = found
      }
      positionMs = 0
      return changed()
    },
    queueWindow: ({ offset, limit }) => ({
      revision,
      length: entries.length,
      offset,
      entries: entries.slice(offset, offset + limit).map((id, i) => ({
        index: offset + i,
        clip: known.get(id) as ClipRow,
        explicit: explicit.has(offset + i)
      }))
    }),
    queueStep: ({ by }) => {
      if (entries.length === 0) return state()
      let target = index + by
      if (target >= entries.length) {
        if (repeat !== 'all') return state({ ended: true })
        target = 0
      } else if (target < 0) target = repeat === 'all' ? entries.length - 1 : 0
      index = target
      positionMs = 0
      return state()
    },
    queueJump: ({ index: at }) => {
      if (at < entries.length) index = at
      return state()
    },
    queueAdd: ({ clipIds, next }) => {
      const ids = clipIds.filter(playable)
      if (ids.length === 0) return state()
      let at = index < 0 ? entries.length : index + 1
      if (next !== true && index >= 0) while (explicit.has(at)) at += 1
      entries.splice(at, 0, ...ids)
      const shifted = new Set<number>()
      for (const i of explicit) shifted.add(i >= at ? i + ids.length : i)
      ids.forEach((_, i) => shifted.add(at + i))
      explicit = shifted
      if (index < 0) index = at
      return changed()
    },
    queueRemove: ({ index: at }) => {
      if (at >= entries.length) return state()
      entries.splice(at, 1)
      if (at < index) index -= 1
      else if (at === index) index = Math.min(index, entries.length - 1)
      return changed()
    },
    queueMove: ({ from, to }) => {
      const [moved] = entries.splice(from, 1)
      entries.splice(to, 0, moved as string)
      if (index === from) index = to
      else if (from < index && to >= index) index -= 1
      else if (from > index && to <= index) index += 1
      return changed()
    },
    clearQueue: () => {
      entries = index >= 0 ? [entries[index] as string] : []
      index = entries.length > 0 ? 0 : -1
      explicit = new Set()
      return changed()
    },
    setQueueOptions: (options) => {
      if (options.repeat !== undefined) repeat = options.repeat
      if (options.positionMs !== undefined) positionMs = options.positionMs
      if (options.shuffle !== undefined && options.shuffle !== shuffle) {
        shuffle = options.shuffle
        const current = entries[index]
        if (shuffle) {
          unshuffled = [...entries]
          const rest = entries.filter((_, i) => i !== index).reverse()
          entries = current === undefined ? rest : [current, ...rest]
          index = current === undefined ? -1 : 0
        } else if (unshuffled !== null) {
          entries = unshuffled
          index = current === undefined ? -1 : entries.indexOf(current)
        }
        return changed()
      }
      return state()
    }
  }
  return {
    handlers,
    queue: {
      ids: () => [...entries],
      register: (rows) => {
        for (const row of rows) own.set(row.id, row)
      }
    }
  }
}
