import { randomInt } from 'node:crypto'
import { mkdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { clipPks, setFavorite, recordPlay } from './clip-actions'
import * as clipText from './clip-text'
import type { ClipTextResult } from '../../../shared/clip-title'
import { announcePlaylists, ChangeFeed } from './changes'
import { hasFts5, placeholders, type Db } from './db'
import * as files from './files'
import {
  finalizeClip,
  unfinishedClips,
  unfinishedClipsAfter,
  writeClipSidecar,
  type FinalizeContext
} from './finalize'
import { recordTaskResult, type IngestContext } from './ingest'
import { migrate } from './migrations'
import { filesToFetchAgain, queueWithLink } from './missing-files'
import { DB_FILE, indexInsideLibrary } from './index-location'
import { getClip, listClipsForCli, queryClips } from './queries/clips'
import { firstTitleIndex } from './queries/title-prefix'
import { facets } from './queries/facets'
import { clipRowsByIds } from './queries/rows-by-id'
import { listTasks } from './queries/task-list'
import { createPlaylists } from './playlists'
import { createPlayQueue } from './queue/store'
import * as history from './history'
import { importFiles } from './import/run'
import { rebuildIndex } from './rebuild'
import { openCheckedIndex } from './index-health'
import { ensureSearchIndex } from './search-index'
import { searchUpkeep } from './search-upkeep'
import { SidecarQueue } from './sidecar-queue'
import { FinishQueue } from './finish-queue'
import { sweepTempFiles } from './sweep'
import * as tags from './tags'
import { TaskJournal } from './task-journal'
import * as tasks from './tasks'
import { deleteClips } from './trash'
import { snapshotClips } from './undo/clip-snapshot'
import { restoreDeleted } from './undo/delete-undo'
import { fileHolder, type HeldFiles } from './undo/held-files'
import { captureTagDelete, captureTagMerge, captureTagRename, favoriteFlips } from './undo/tag-undo'
import { UNDO_WINDOW_MS, UndoLog } from './undo/undo-log'
import { cleanTagName, tagKey } from '../../../shared/text'
import { ID, int, INT_ID, many, one, shape, text } from './rows/read'
import {
  LibraryError,
  type IndexRecovery,
  type LibraryOptions,
  type LibraryStore,
  type Logger
} from './types'

// The library façade: opens the index, wires the pieces together and is the one object
// the sync engine, the shell's IPC handlers and the CLI talk to.

export { DB_FILE } from './index-location'

const CLIP_PK = shape({ clip_pk: int })
const TITLE = shape({ title: text })

const consoleLogger: Logger = {
  warn: (message, detail) => console.warn(`[library] ${message}`, detail ?? '')
}

function withSidecar(db: Db, pks: number[]): number[] {
  const out: number[] = []
  for (let i = 0; i < pks.length; i += 500) {
    const batch = pks.slice(i, i + 500)
    const rows = many(
      db,
      CLIP_PK,
      `SELECT clip_pk FROM files WHERE kind = 'sidecar' AND state != 'absent'
       AND clip_pk IN (${placeholders(batch.length)})`,
      ...batch
    )
    for (const row of rows) out.push(row.clip_pk)
  }
  return out
}

function hasDoneFiles(db: Db): boolean {
  return db.get("SELECT 1 AS one FROM files WHERE state = 'done' LIMIT 1") !== undefined
}

export function openLibrary(opts: LibraryOptions): LibraryStore {
  const dataDir = resolve(opts.dataDir)
  const libraryDir = resolve(opts.libraryDir)
  const dbPath = join(dataDir, DB_FILE)
  if (indexInsideLibrary(dataDir, libraryDir)) {
    throw new LibraryError(
      'data_dir_in_library',
      "The index cannot be kept inside the library folder. Use the app's data folder for it."
    )
  }
  mkdirSync(dataDir, { recursive: true })

  const now = opts.now ?? Date.now
  const logger = opts.logger ?? consoleLogger
  // A damaged index is set aside and replaced by a fresh one, rebuilt by recover().
  const checked = openCheckedIndex(
    dbPath,
    now(),
    (opened) => {
      migrate(opened)
      return ensureSearchIndex(opened, opts.disableFts !== true && hasFts5(opened))
    },
    { fullCheck: opts.fullCheck }
  )
  const { db, prepared: mode } = checked
  // Only a fresh library gets its folder made here. A folder that vanished while the index
  // still has files on record stays missing, so the library reports "not available"
  // instead of an empty folder that every play fails in (issue 12 §3).
  if (opts.createLibraryDir === true && !hasDoneFiles(db))
    mkdirSync(libraryDir, { recursive: true })
  const journal = new TaskJournal(dataDir, logger)
  if (checked.damage === null && !journal.exists()) {
    // First open since the journal exists: record the tasks the index already has.
    journal.added(many(db, ID, 'SELECT id FROM tasks ORDER BY added_at').map((r) => r.id))
  }
  /** Puts back the tasks of the journal that the index does not have (as pending). */
  const restoreTasks = (): number => tasks.addTasks(db, journal.ids(), now()).added.length
  let recovery: IndexRecovery | null =
    checked.damage === null
      ? null
      : { ...checked.damage, rebuilt: false, clips: 0, tasksRestored: 0, problem: null }
  let recovering: Promise<IndexRecovery | null> | null = null

  const libraryAvailable = (): boolean => {
    try {
      return statSync(libraryDir).isDirectory()
    } catch {
      return false
    }
  }
  const finalizeCtx: FinalizeContext = {
    db,
    libraryDir,
    artist: opts.artist ?? 'Suno',
    album: opts.album ?? 'Songshelf',
    now,
    logger,
    libraryAvailable
  }
  // Every write below tells the feed what it touched (changes.ts has the rule).
  const feed = new ChangeFeed(db, logger)
  const sidecars = new SidecarQueue((pk) => writeClipSidecar(finalizeCtx, pk), logger)
  // A clip's last file settled: tags and sidecar, then the clip's change (finish-queue.ts).
  const finishing = new FinishQueue(async (clipId) => {
    await finalizeClip(finalizeCtx, clipId)
    feed.clips({ ids: [clipId] })
  }, logger)
  const clipReady = new Set<(clip: { id: string; title: string }) => void>()
  // Only sidecars already on disk are rewritten: a clip still downloading gets its
  // sidecar, with the latest tags, when it is finalized.
  const onSidecarStale = (pks: number[]): void => sidecars.mark(withSidecar(db, pks))
  const ingestCtx: IngestContext = {
    db,
    mode,
    onSidecarStale,
    onWritten: (taskId, pks, inserted) => {
      if (pks.length === 0) feed.tasks([taskId])
      else feed.clips({ pks, taskIds: [taskId], membership: inserted, facetsDirty: true })
    }
  }
  const tagCtx: tags.TagContext = {
    db,
    mode,
    onSidecarStale: (pks) => {
      onSidecarStale(pks)
      feed.clips({ pks, facetsDirty: true })
    }
  }
  // Deleted files wait in `.trash` while the delete can be undone, then go to the OS
  // trash when the shell gave one (undo/held-files.ts).
  const holder = fileHolder(libraryDir, now, opts.trash)
  const undoWindowMs = opts.undoWindowMs ?? UNDO_WINDOW_MS
  const undoLog = new UndoLog(logger, undoWindowMs)
  const tagIdOf = (name: string): number | undefined =>
    one(db, INT_ID, 'SELECT id FROM tags WHERE key = ?', tagKey(cleanTagName(name) ?? name))?.id
  /** Records an action's undo when it changed something. */
  const undoable = <T extends { changed: number }>(
    kind: 'favorite' | 'tag-delete' | 'tag-merge' | 'tag-rename',
    result: T,
    undo: (() => number) | null
  ): T & { undoId?: string } =>
    result.changed > 0 && undo !== null
      ? { ...result, undoId: undoLog.record(kind, () => indexing(undo())) }
      : result
  const upkeep = searchUpkeep(db, mode, logger)
  /** A title or note edit (clip-text.ts): the clip's change, its sidecar and, for a title,
   * the mp3's ID3 title through the finish queue (which rewrites the sidecar too). A clip
   * still downloading gets both when it is finished. Undoable, back to the exact value. */
  const editClipText = (
    kind: 'clip-rename' | 'clip-note',
    id: string,
    edit: () => clipText.ClipTextWrite | null,
    restore: (value: string | null) => clipText.ClipTextWrite | null
  ): ClipTextResult => {
    const apply = (write: () => clipText.ClipTextWrite | null): clipText.ClipTextWrite => {
      const done = db.tx(() => {
        const written = write()
        if (written === null)
          throw new LibraryError('not_found', 'That song is no longer in the library.')
        if (written.result.changed > 0) feed.clips({ pks: [written.pk] })
        return written
      })
      if (done.result.changed === 0) return done
      upkeep.poke()
      if (withSidecar(db, [done.pk]).length > 0) {
        if (kind === 'clip-rename') void finishing.add(id)
        else sidecars.mark([done.pk])
      }
      // Playlists mirrored into the folder carry the title in their #EXTINF lines.
      if (kind === 'clip-rename') void playlists.clipsChanged([id])
      return done
    }
    const done = apply(edit)
    if (done.result.changed === 0) return done.result
    const before = done.before
    const undo = (): number => apply(() => restore(before)).result.changed
    return { ...done.result, undoId: undoLog.record(kind, undo) }
  }
  /** Runs a write that may touch the search index, then lets the upkeep know. */
  const indexing = <T>(result: T): T => {
    upkeep.poke()
    return result
  }
  const playlists = announcePlaylists(
    createPlaylists({ db, mode, now, libraryDir, libraryAvailable, logger }),
    feed
  )
  const queue = createPlayQueue({
    db,
    mode,
    playlistClipIds: (id) => playlists.clipIds(id),
    seed: () => randomInt(2 ** 31),
    onChange: (state) => feed.queue(state)
  })
  const tasksChanged = <T>(ids: string[], result: T): T => {
    if (ids.length > 0) feed.tasks(ids)
    return result
  }

  return {
    dbPath,
    libraryDir,
    searchMode: mode,

    // SyncStore
    addTasks(ids, at) {
      const result = tasks.addTasks(db, ids, at)
      journal.added(result.added)
      return tasksChanged(result.added, result)
    },
    tasksToPoll: (at) => tasks.tasksToPoll(db, at),
    pendingTasks: () => tasks.pendingTasks(db),
    pendingSummary: () => tasks.pendingSummary(db),
    getTask: (id) => tasks.getTask(db, id),
    recordPoll: (id, patch) => tasksChanged([id], tasks.recordPoll(db, id, patch)),
    recordTaskResult: (task, at, o) => indexing(recordTaskResult(ingestCtx, task, at, o)),
    markTaskNotFound: (id, at) => tasksChanged([id], tasks.markTaskNotFound(db, id, at)),
    markTaskFailed: (id, reason, at) =>
      tasksChanged([id], tasks.markTaskFailed(db, id, reason, at)),
    downloadJobs: (limit) => files.downloadJobs(db, libraryDir, limit),
    countDownloadJobs: (clipId) => files.countDownloadJobs(db, clipId),
    setFileResult(clipId, kind, result) {
      files.setFileResult(db, libraryDir, clipId, kind, result, now())
      feed.clips({ ids: [clipId], facetsDirty: kind === 'video' && result.state === 'done' })
      // The clip's last file settled: the library finishes it by itself.
      if (files.countDownloadJobs(db, clipId) === 0) void finishing.add(clipId)
      if (result.state === 'done' && kind === 'audio' && clipReady.size > 0) {
        const row = one(db, TITLE, 'SELECT title FROM clips WHERE id = ?', clipId)
        for (const listener of clipReady) if (row) listener({ id: clipId, title: row.title })
      }
    },
    finalizeClip: (clipId) => finishing.add(clipId),
    finishLeftovers: (opts) =>
      finishing.leftovers({
        slice: (after) => unfinishedClipsAfter(db, after),
        ...(opts?.sweepTemp === true
          ? {
              before: async () => {
                // Deleted files a crash left waiting, once nothing could undo them.
                await holder.sweep(now() - undoWindowMs).catch((error: unknown) => {
                  logger.warn('trash sweep', error)
                })
                await sweepTempFiles(libraryDir)
              }
            }
          : {})
      }),
    onChange: (listener) => feed.subscribe(listener),
    onQueueChange: (listener) => feed.subscribeQueue(listener),
    onClipReady(listener) {
      clipReady.add(listener)
      return () => clipReady.delete(listener)
    },
    unfinishedClips: () => unfinishedClips(db),
    unfinishedClipsAfter: (afterPk) => unfinishedClipsAfter(db, afterPk),

    batch: (fn) => db.tx(fn),
    recordTaskResults(list, at, o): void {
      db.tx(() => {
        for (const task of list) recordTaskResult(ingestCtx, task, at, o)
      })
      upkeep.poke()
    },

    // Reading
    query: (q) => queryClips(db, mode, q),
    facets: (filter) => facets(db, mode, filter),
    rowsByIds: (ids, filter) => clipRowsByIds(db, mode, ids, filter),
    titleIndex: (q) => firstTitleIndex(db, mode, q),
    getClip: (id) => getClip(db, libraryDir, id),
    listClipsForCli: (filter) => listClipsForCli(db, mode, libraryDir, filter),
    listTasks: () => listTasks(db),
    getFilePath: (clipId, kind) => files.getFilePath(db, libraryDir, clipId, kind),

    // User actions
    tagClips: (ids, change) => indexing(tags.tagClips(tagCtx, ids, change)),
    renameTag(from, to) {
      const source = tagIdOf(from)
      const target = tagIdOf(to)
      // A rename onto another existing tag is a merge, and is undone as one.
      const merge = source !== undefined && target !== undefined && target !== source
      const undo = merge
        ? captureTagMerge(tagCtx, [from], cleanTagName(to) ?? to)
        : captureTagRename(tagCtx, from, cleanTagName(to) ?? to)
      const result = indexing(tags.renameTag(tagCtx, from, to))
      return undoable(merge ? 'tag-merge' : 'tag-rename', result, undo)
    },
    mergeTags(from, into) {
      const undo = captureTagMerge(tagCtx, from, cleanTagName(into) ?? into)
      return undoable('tag-merge', indexing(tags.mergeTags(tagCtx, from, into)), undo)
    },
    deleteTag(name) {
      const undo = captureTagDelete(tagCtx, name)
      return undoable('tag-delete', indexing(tags.deleteTag(tagCtx, name)), undo)
    },
    listTags: () => tags.listTags(db),
    setFavorite(ids, value) {
      const flips = favoriteFlips(db, ids, value)
      const write = (list: string[], flag: boolean): { changed: number } =>
        setFavorite(db, list, flag, (pks) => {
          onSidecarStale(pks)
          feed.clips({ pks, facetsDirty: true })
        })
      return undoable('favorite', write(ids, value), () => write(flips, !value).changed)
    },
    renameClip: (id, title) =>
      editClipText(
        'clip-rename',
        id,
        () => clipText.renameClip(db, mode, id, title),
        (value) => clipText.writeClipText(db, mode, 'user_title', id, value)
      ),
    setClipNote: (id, note) =>
      editClipText(
        'clip-note',
        id,
        () => clipText.setClipNote(db, mode, id, note),
        (value) => clipText.writeClipText(db, mode, 'note', id, value)
      ),
    recordPlay(id, at, ms) {
      const counted = recordPlay(db, id, at, ms)
      if (counted) feed.clips({ ids: [id] })
      return counted
    },
    async deleteClips(ids) {
      const taskIds = feed.tasksOf(ids)
      // What the clips are now, row for row, so that the undo puts them back as they were.
      const snapshots = snapshotClips(
        db,
        clipPks(db, ids).map((clip) => clip.pk)
      )
      let held: HeldFiles | null = null
      const result = await deleteClips(
        {
          db,
          mode,
          libraryDir,
          trash: async (paths) => {
            held = await holder.hold(paths)
          },
          libraryAvailable,
          forgetSidecars: (pks) => sidecars.forget(pks)
        },
        ids
      )
      if (result.deleted > 0) {
        feed.clips({ ids, taskIds, membership: true, facetsDirty: true })
      }
      await playlists.clipsChanged(ids)
      if (result.deleted === 0) return result
      const heldFiles: HeldFiles | null = held
      const undoId = undoLog.record(
        'delete',
        async () => {
          const back = await restoreDeleted({ db, mode, libraryDir, holder }, snapshots, heldFiles)
          upkeep.poke()
          if (back.pks.length > 0) {
            // The sidecars came back with their files; rewrite them from the index anyway,
            // in case a tag change was still queued for them when they were deleted.
            onSidecarStale(back.pks)
            feed.clips({ pks: back.pks, taskIds, membership: true, facetsDirty: true })
            await playlists.clipsChanged(back.ids)
          }
          return back.ids.length
        },
        async () => {
          if (heldFiles !== null) await holder.release(heldFiles)
        }
      )
      return { ...result, undoId }
    },
    undo: (id) => undoLog.undo(id),
    recordListen(event) {
      const stored = history.recordListen(db, event)
      // Plays and "last played" moved: the clip's row changed.
      if (stored && history.countsAsPlay(event.kind, history.whole(event.listenedMs))) {
        feed.clips({ ids: [event.clipId] })
      }
      return stored
    },
    listHistory: (o) => history.listHistory(db, o),
    clearHistory(o) {
      const removed = history.clearHistory(db, o)
      // Every clip's "last played" (and, asked, its play count) is cleared.
      feed.reset()
      return removed
    },
    playlists,
    queue,
    importFiles(paths, o) {
      return importFiles({ db, libraryDir, now, store: this }, paths, o)
    },
    retryTask(id) {
      const retried = tasks.retryTask(db, id, now(), (pks) => feed.clips({ pks }))
      return tasksChanged(retried ? [id] : [], retried)
    },
    removeTask(id) {
      const removed = tasks.removeTask(db, id)
      if (removed) journal.removed([id])
      return tasksChanged(removed ? [id] : [], removed)
    },
    retryFailedFiles: (clipIds, kind) =>
      files.retryFailedFiles(db, clipIds, now(), kind, undefined, (pks) => feed.clips({ pks })),
    filesToFetchAgain: (clipIds, kind) => filesToFetchAgain(db, libraryDir, clipIds, kind),
    queueWithLink(clipId, kind, url) {
      const queued = queueWithLink(db, clipId, kind, url, now())
      if (queued) feed.clips({ ids: [clipId] })
      return queued
    },
    requeueFailedFiles: (errors) =>
      files.retryFailedFiles(db, undefined, now(), undefined, errors, (pks) => feed.clips({ pks })),

    // Library folder
    async rebuild() {
      await sidecars.flush()
      await playlists.flush()
      const result = await rebuildIndex(db, mode, libraryDir, libraryAvailable(), now())
      if (!result.ok) return result
      const restored = await playlists.restoreFromFolder()
      const restoredTasks = restoreTasks()
      feed.reset()
      return {
        ...result,
        ...(restored === 0 ? {} : { playlists: restored }),
        ...(restoredTasks === 0 ? {} : { restoredTasks })
      }
    },
    get recovery() {
      return recovery
    },
    recover() {
      const damage = checked.damage
      if (damage === null) return Promise.resolve(null)
      recovering ??= (async (): Promise<IndexRecovery> => {
        const result = await rebuildIndex(db, mode, libraryDir, libraryAvailable(), now())
        if (result.ok) await playlists.restoreFromFolder()
        const restored = restoreTasks()
        feed.reset()
        recovery = {
          ...damage,
          rebuilt: result.ok,
          clips: result.ok ? result.clips : 0,
          tasksRestored: restored,
          problem: result.ok ? null : result.message
        }
        return recovery
      })()
      return recovering
    },
    libraryAvailable,
    async flush(): Promise<void> {
      await finishing.flush()
      await sidecars.flush()
    },
    tidySearchIndex: () => upkeep.tidy(),
    async close(): Promise<void> {
      await undoLog.closeAll()
      upkeep.stop()
      finishing.stop()
      await finishing.flush()
      await sidecars.flush()
      await playlists.flush()
      db.close()
    }
  }
}
