import type { LibraryStore } from '../library/types'
import type { Handlers } from './dispatch'

// The contract's play-queue methods: thin calls into the library's queue. None of them
// announces anything: the queue tells the library's change feed of each committed change
// (library/queue/store.ts), and the core forwards it as `queue-changed`, so a second
// window, the preview and a write made straight through the library all see it.

type QueueMethods =
  | 'getQueue'
  | 'playQueue'
  | 'queueWindow'
  | 'queueStep'
  | 'queueJump'
  | 'queueAdd'
  | 'queueRemove'
  | 'queueMove'
  | 'clearQueue'
  | 'setQueueOptions'

export function queueHandlers(lib: () => LibraryStore): Pick<Handlers, QueueMethods> {
  const queue = (): LibraryStore['queue'] => lib().queue
  return {
    getQueue: async () => queue().state(),
    playQueue: async (args) => queue().play(args),
    queueWindow: async ({ offset, limit }) => queue().window(offset, limit),
    queueStep: async ({ by }) => queue().step(by),
    queueJump: async ({ index }) => queue().jump(index),
    queueAdd: async ({ clipIds, next }) => queue().add(clipIds, next === true),
    queueRemove: async ({ index }) => queue().remove(index),
    queueMove: async ({ from, to }) => queue().move(from, to),
    clearQueue: async () => queue().clear(),
    setQueueOptions: async (options) => queue().setOptions(options)
  }
}
