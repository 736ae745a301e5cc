// The mini player window (issue 15): the main window owns the audio and publishes what it
// plays; the mini window shows it and sends commands back. Both cross main (Electron) or
// the preview's event stream as relays: the core keeps nothing of them.

export interface MiniPlayerClip {
  id: string
  title: string
  /** Which take of its generation (1-based), and of how many, when known. */
  take: number | null
  takes: number | null
  hasCover: boolean
}

export interface MiniPlayerState {
  clip: MiniPlayerClip | null
  playing: boolean
  /** Seconds. */
  position: number
  /** Seconds. */
  duration: number
  hasNext: boolean
  hasPrevious: boolean
}

/** `hello`: a mini view that just opened asks the main window for its state. */
export type MiniPlayerCommand =
  | { command: 'toggle' }
  | { command: 'next' }
  | { command: 'previous' }
  | { command: 'hello' }
  | { command: 'seek'; sec: number }

/** The mini window's page: the app's own entry with this query. */
export const MINI_VIEW_QUERY = 'view=mini'

/** The keyboard shortcut that opens and closes the mini player (menu accelerator syntax). */
export const MINI_PLAYER_ACCELERATOR = 'CmdOrCtrl+Shift+M'
