import type { Handlers } from './dispatch'
import { AppError } from './errors'
import type { EventHub } from './events'
import type { Host } from './host'

// The mini player's relay (issue 15): the main window publishes its player's state and
// the mini window sends commands; each goes out once as an event (the Electron shell routes
// `player-state` to the mini window and `player-command` to the main window; the preview's
// event stream reaches every page) and nothing is kept. Opening the window is the host's:
// the desktop app has one, the preview and the CLI do not.

type MiniMethods = 'setMiniPlayer' | 'publishPlayerState' | 'sendPlayerCommand'

export function miniPlayerHandlers(host: Host, events: EventHub): Pick<Handlers, MiniMethods> {
  return {
    setMiniPlayer: async ({ open }) => {
      if (host.setMiniPlayer === undefined)
        throw new AppError('unsupported', 'The mini player window is part of the desktop app.')
      return { open: host.setMiniPlayer(open) }
    },
    publishPlayerState: async (state) => {
      events.emit('player-state', state)
      return { ok: true as const }
    },
    sendPlayerCommand: async (command) => {
      events.emit('player-command', command)
      return { ok: true as const }
    }
  }
}
