import { BridgeError, call } from '../../lib/bridge'

/** The mini player button: the desktop app opens its always-on-top window; where there is
 * none (preview:web) the main window switches to compact mode instead. */
export async function openMiniPlayer(compact: () => void): Promise<void> {
  try {
    await call('setMiniPlayer', { open: true })
  } catch (error) {
    if (error instanceof BridgeError && error.code === 'unsupported') compact()
  }
}
