import { randomUUID } from 'node:crypto'
import { isAbsolute, parse, resolve } from 'node:path'
import { IMPORT_LIMITS, type ImportPlan, type ImportReport } from '../../../shared/import'
import type { LibraryStore } from '../library/types'
import { isInside } from '../path-inside'
import type { Handlers } from './dispatch'
import { AppError } from './errors'
import type { EventHub } from './events'

// Drag-in import (issue 15): `previewImport(paths)` says file by file what an import
// would do (import, merge, skip) without copying anything, and `runImport(planId)` carries
// a previewed plan out, announcing its progress as `import-progress`. The paths come from
// the renderer (Electron's webUtils.getPathForFile, or the preview's staging folder), so
// they are untrusted: the schema bounds them, and here they must be absolute and outside
// the data folder (the index and settings live there), and a bare filesystem root is not
// walked. The source files are only ever read (import/run.ts).

type ImportMethods = 'previewImport' | 'runImport'

/** Plans kept for a later runImport; the oldest go first. */
const KEPT_PLANS = 8

/** The paths as absolute, resolved paths, or an `invalid_path` error. */
export function checkImportPaths(paths: readonly string[], dataDir: string): string[] {
  return paths.map((path) => {
    if (!isAbsolute(path))
      throw new AppError('invalid_path', 'Only files and folders with a full path can be imported.')
    const full = resolve(path)
    if (parse(full).root === full)
      throw new AppError('invalid_path', 'A whole drive cannot be imported; choose a folder.')
    if (isInside(dataDir, full))
      throw new AppError('invalid_path', "Songshelf's own data folder cannot be imported.")
    return full
  })
}

/** The contract's import methods, holding previewed plans in memory until they run. */
export function importHandlers(
  lib: () => LibraryStore,
  events: EventHub,
  dataDir: string,
  maxFiles: number = IMPORT_LIMITS.files
): Pick<Handlers, ImportMethods> {
  const plans = new Map<string, readonly string[]>()
  let running: string | null = null

  return {
    previewImport: async ({ paths }): Promise<ImportPlan> => {
      const checked = checkImportPaths(paths, dataDir)
      const report = await lib().importFiles(checked, { dryRun: true, maxFiles })
      const planId = randomUUID()
      plans.set(planId, checked)
      for (const old of plans.keys()) {
        if (plans.size <= KEPT_PLANS) break
        plans.delete(old)
      }
      return { ...report, planId }
    },
    runImport: async ({ planId }): Promise<ImportReport> => {
      const paths = plans.get(planId)
      if (paths === undefined)
        throw new AppError(
          'import_plan_gone',
          'This import preview is no longer available; drop the files again.'
        )
      if (running !== null)
        throw new AppError('import_busy', 'Another import is running; wait for it to finish.')
      running = planId
      try {
        // Planned again: a song that arrived since the preview is merged, not duplicated.
        const { truncated: _truncated, ...report } = await lib().importFiles([...paths], {
          maxFiles,
          onProgress: (progress) => events.emit('import-progress', { planId, ...progress })
        })
        plans.delete(planId)
        return report
      } finally {
        running = null
      }
    }
  }
}
