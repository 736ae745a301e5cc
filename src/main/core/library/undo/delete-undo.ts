import { existsSync } from 'node:fs'
import type { Db } from '../db'
import { resolveInside } from '../naming'
import { reindexClips, type SearchMode } from '../search-index'
import { LibraryError } from '../types'
import { canRestore, restoreClip, type ClipSnapshot } from './clip-snapshot'
import type { FileHolder, FileMove, HeldFiles } from './held-files'

// Undoing a delete: the files come back from `.trash` to the very paths they left, then
// the rows come back as they were (snapshot), in one transaction, and the search index
// learns them again. A clip that cannot come back as it was (its id or one of its paths
// was taken in the meantime, say by a retried task) stays deleted, and its files go on
// to the trash with the rest.

export interface RestoreContext {
  db: Db
  mode: SearchMode
  libraryDir: string
  holder: FileHolder
}

function movesOf(ctx: RestoreContext, snapshot: ClipSnapshot, held: HeldFiles | null): FileMove[] {
  const files = snapshot.children.find((child) => child.table === 'files')?.rows ?? []
  const paths = new Set(
    files
      .map((row) => row.rel_path)
      .filter((rel): rel is string => typeof rel === 'string')
      .map((rel) => resolveInside(ctx.libraryDir, rel))
  )
  return (held?.moves ?? []).filter((move) => paths.has(move.from))
}

/** Puts deleted clips back; returns the ids and pks of those that came back. */
export async function restoreDeleted(
  ctx: RestoreContext,
  snapshots: readonly ClipSnapshot[],
  held: HeldFiles | null
): Promise<{ ids: string[]; pks: number[] }> {
  const { db } = ctx
  const back: { snapshot: ClipSnapshot; moves: FileMove[] }[] = []
  for (const snapshot of snapshots) {
    const moves = movesOf(ctx, snapshot, held)
    if (!canRestore(db, snapshot)) continue
    if (moves.some((move) => existsSync(move.from) || !existsSync(move.to))) continue
    back.push({ snapshot, moves })
  }
  const moved = back.flatMap((clip) => clip.moves)
  if (held !== null && moved.length > 0) {
    try {
      await ctx.holder.putBack(held, moved)
    } catch (error) {
      throw new LibraryError(
        'undo_failed',
        `The files could not be put back from the trash: ${(error as Error).message}`
      )
    }
  }
  const pks = db.tx(() => {
    const restored = back.map(({ snapshot }) => restoreClip(db, snapshot))
    reindexClips(db, ctx.mode, restored)
    return restored
  })
  return { ids: back.map(({ snapshot }) => String(snapshot.clip.id)), pks }
}
