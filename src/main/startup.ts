import type { App, Dialog } from 'electron'
import { describeStartupFailure, type StartupFailure } from './desktop/startup-failure'

export interface StartupDeps {
  app: Pick<App, 'exit' | 'getLocale' | 'getPath'>
  dialog: Pick<Dialog, 'showErrorBox'>
  /** Everything after `ready` (imports the shell lazily, so that even a missing
   * node:sqlite, which the shell's module graph imports, is caught here). */
  start: () => Promise<unknown>
  log?: (message: string, error: unknown) => void
}

/** Runs the shell's start-up; on any failure shows a native error dialog with the reason
 * and what to do, then exits with 1. Electron only warns about an unhandled rejection in
 * main, so without this a failed start leaves a windowless process that the
 * single-instance lock keeps alive, and every later launch quits at once. */
export async function runStartup(deps: StartupDeps): Promise<StartupFailure | null> {
  try {
    await deps.start()
    return null
  } catch (error) {
    ;(deps.log ?? console.error)('Songshelf could not start:', error)
    const failure = describeStartupFailure(error, {
      dataDir: deps.app.getPath('userData'),
      locale: deps.app.getLocale()
    })
    // showErrorBox is the dialog Electron allows at any time, even before windows exist
    // (docs/api/dialog.md).
    deps.dialog.showErrorBox(failure.title, failure.message)
    deps.app.exit(1)
    return failure
  }
}
