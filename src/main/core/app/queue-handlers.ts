import type { QueueState } from '../../../shared/queue'
import type { LibraryStore } from '../library/types'
import type { Handlers } from './dispatch'
import type { EventHub } from './events'

// The contract's play-queue methods: thin calls into the library's queue. Every change
// of entries, order or current entry is announced once, so a second window (or the now
// playing view) follows; saving the position alone is not.

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

export function queueHandlers(
  lib: () => LibraryStore,
  events: EventHub
): Pick<Handlers, QueueMethods> {
  const changed = (state: QueueState): QueueState => {
    events.emit('queue-changed', state)
    return state
  }
  const queue = (): LibraryStore['queue'] => lib().queue
  return {
    getQueue: async () => queue().state(),
    playQueue: async (args) => changed(queue().play(args)),
    queueWindow: async ({ offset, limit }) => queue().window(offset, limit),
    queueStep: async ({ by }) => changed(queue().step(by)),
    queueJump: async ({ index }) => changed(queue().jump(index)),
    queueAdd: async ({ clipIds, next }) => changed(queue().add(clipIds, next === true)),
    queueRemove: async ({ index }) => changed(queue().remove(index)),
    queueMove: async ({ from, to }) => changed(queue().move(from, to)),
    clearQueue: async () => changed(queue().clear()),
    setQueueOptions: async (options) => {
      const state = queue().setOptions(options)
      const onlyPosition = options.shuffle === undefined && options.repeat === undefined
      return onlyPosition ? state : changed(state)
    }
  }
}
