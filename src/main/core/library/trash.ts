import { existsSync } from 'node:fs'
import type { Db } from './db'
import { resolveInside } from './naming'
import { unindexClips, type SearchMode } from './search-index'
import { clipPks } from './clip-actions'
import { LIBRARY_UNAVAILABLE_MESSAGE, LibraryError } from './types'
import { many, shape, text } from './rows/read'

// Deleting songs: their files go to a trash (first the library's own `.trash`, where the
// delete can be undone, undo/held-files.ts), never straight to unlink, and the rows go
// only once the files are gone, so a failure half way leaves a library that still
// matches its folder.

const REL_PATH = shape({ rel_path: text })

export const TRASH_DIR = '.trash'

export interface DeleteContext {
  db: Db
  mode: SearchMode
  libraryDir: string
  trash: (paths: string[]) => Promise<void>
  libraryAvailable(): boolean
  forgetSidecars(pks: number[]): void
}

export async function deleteClips(ctx: DeleteContext, ids: string[]): Promise<{ deleted: number }> {
  const { db } = ctx
  const clips = clipPks(db, ids)
  if (clips.length === 0) return { deleted: 0 }
  const pks = clips.map((clip) => clip.pk)
  const paths: string[] = []
  for (const pk of pks) {
    for (const file of many(
      db,
      REL_PATH,
      'SELECT rel_path FROM files WHERE clip_pk = ? AND rel_path IS NOT NULL',
      pk
    )) {
      paths.push(resolveInside(ctx.libraryDir, file.rel_path))
    }
  }
  // Removing the rows while the files stay on an unplugged drive would bring the songs
  // back on the next rebuild; refuse instead and change nothing.
  if (paths.length > 0 && !ctx.libraryAvailable()) {
    throw new LibraryError('library_unavailable', LIBRARY_UNAVAILABLE_MESSAGE)
  }
  ctx.forgetSidecars(pks)
  const present = paths.filter((path) => existsSync(path))
  if (present.length > 0) {
    try {
      await ctx.trash(present)
    } catch (error) {
      throw new LibraryError(
        'trash_failed',
        `The files could not be moved to the trash, so nothing was deleted: ${(error as Error).message}`
      )
    }
  }
  db.tx(() => {
    unindexClips(db, ctx.mode, pks)
    const remove = db.sql('DELETE FROM clips WHERE pk = ?')
    for (const pk of pks) remove.run(pk)
  })
  return { deleted: pks.length }
}
