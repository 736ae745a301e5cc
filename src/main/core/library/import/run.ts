import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, stat } from 'node:fs/promises'
import { dirname, extname, join, resolve } from 'node:path'
import type { NormalizedClip } from '../../../../shared/domain'
import type {
  ImportItem,
  ImportProgress,
  ImportReasonCode,
  ImportReport
} from '../../../../shared/import'
import { writeFileAtomic } from '../atomic'
import type { Db } from '../db'
import { clipPk } from '../rows/read'
import { ensureStem } from '../files'
import { isInside, relFilePath, resolveInside } from '../naming'
import type { LibraryStore } from '../types'
import { readFacts, type FileFacts } from './identify'

// `songshelf import <path…>` and drag-in import: existing mp3s recognised by their clip
// id are copied into the library with Songshelf's naming, ID3 tags and sidecar, merged
// with a clip the library already knows instead of duplicated; files without an id become
// local songs. The plan (a dry run) says what will happen before anything is copied, and
// the source files are only ever read: nothing is moved or deleted.

export interface ImportCtx {
  db: Db
  libraryDir: string
  now: () => number
  store: Pick<
    LibraryStore,
    'recordTaskResults' | 'removeTask' | 'getTask' | 'setFileResult' | 'finalizeClip' | 'getClip'
  >
}

/** The task id imported songs are filed under while they are created; removed after. */
const IMPORT_TASK = 'songshelf-import'
const MAX_FILES = 20_000

interface Planned extends ImportItem {
  facts: FileFacts | null
}

/** What a caller may ask of an import beyond the paths. */
export interface ImportOptions {
  dryRun?: boolean
  /** Files walked at most (default 20,000); the report says when more were left out. */
  maxFiles?: number
  /** Called as tags are read and as files are copied. */
  onProgress?: (progress: Omit<ImportProgress, 'planId'>) => void
}

async function collect(paths: readonly string[], out: string[], max: number): Promise<void> {
  for (const path of paths) {
    if (out.length >= max) return
    const info = await stat(path).catch(() => null)
    if (info?.isDirectory() === true) {
      const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort()
      await collect(
        names.map((n) => join(path, n)),
        out,
        max
      )
    } else out.push(resolve(path))
  }
}

function localId(bytes: Buffer): string {
  return `local-${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}`
}

/** What importing these files or folders would do, file by file. */
export async function planImport(
  ctx: ImportCtx,
  paths: readonly string[],
  opts: Pick<ImportOptions, 'maxFiles' | 'onProgress'> = {}
): Promise<{ items: Planned[]; truncated: boolean }> {
  const max = opts.maxFiles ?? MAX_FILES
  const files: string[] = []
  // One more than the bound tells "exactly the bound" from "more were left out".
  await collect(paths, files, max + 1)
  const truncated = files.length > max
  if (truncated) files.length = max
  const seen = new Map<string, string>()
  const out: Planned[] = []
  for (const source of files) {
    opts.onProgress?.({ phase: 'reading', done: out.length, total: files.length })
    const skip = (
      code: ImportReasonCode,
      reason: string,
      title = '',
      clipId: string | null = null
    ): void => {
      out.push({ source, action: 'skip', clipId, title, reason, code, idSource: null, facts: null })
    }
    if (isInside(ctx.libraryDir, source)) {
      skip('inside_library', 'It is already inside the library folder.')
      continue
    }
    const exists = await stat(source).catch(() => null)
    if (exists?.isFile() !== true) {
      skip('missing', 'There is no such file.')
      continue
    }
    if (extname(source).toLowerCase() !== '.mp3') {
      skip('not_mp3', 'Only mp3 files can be imported.')
      continue
    }
    const facts = await readFacts(source)
    if (facts === null) {
      skip('unreadable', 'This is not an mp3 that can be read.')
      continue
    }
    const clipId = facts.clipId ?? localId(await readFile(source))
    const twin = seen.get(clipId)
    if (twin !== undefined) {
      skip('same_song', `The same song as ${twin}.`, facts.title, clipId)
      continue
    }
    seen.set(clipId, source)
    const known = ctx.store.getClip(clipId)
    const hasAudio = known?.files.some((f) => f.kind === 'audio' && f.state === 'done') === true
    if (known !== null && hasAudio) {
      skip('in_library', 'This song is already in the library.', known.title, clipId)
    } else if (known !== null) {
      out.push({
        source,
        action: 'merge',
        clipId,
        title: known.title,
        reason: `Fills in the audio of a song the library knows (${facts.idSource ?? 'same file'}).`,
        code: 'fills_audio',
        idSource: facts.idKind,
        facts
      })
    } else {
      out.push({
        source,
        action: 'import',
        clipId,
        title: facts.title,
        reason:
          facts.idSource === null
            ? 'No Suno id found: imported as a local song.'
            : `Suno clip id from the ${facts.idSource}.`,
        code: facts.idSource === null ? 'local_song' : 'suno_id',
        idSource: facts.idKind,
        facts
      })
    }
  }
  opts.onProgress?.({ phase: 'reading', done: out.length, total: files.length })
  return { items: out, truncated }
}

function clipOf(clipId: string, facts: FileFacts, at: number): NormalizedClip {
  return {
    id: clipId,
    taskId: IMPORT_TASK,
    title: facts.title,
    status: 'complete',
    audioUrl: null,
    streamAudioUrl: null,
    videoUrl: null,
    imageUrl: null,
    imageLargeUrl: null,
    lyrics: facts.lyrics,
    styleTags: facts.styleTags,
    descriptionPrompt: null,
    durationSec: facts.durationSec,
    model: null,
    majorModelVersion: null,
    createdAt: at,
    continueClipId: null,
    continueAt: null,
    errorMessage: null,
    clipType: clipId.startsWith('local-') ? 'local' : 'import',
    raw: { imported: true, ...(facts.artist === null ? {} : { artist: facts.artist }) }
  }
}

async function copyInto(ctx: ImportCtx, item: Planned): Promise<void> {
  const clipId = item.clipId as string
  const facts = item.facts as FileFacts
  const pk = clipPk(ctx.db, clipId)
  if (pk === undefined) throw new Error(`Clip ${clipId} was not created`)
  const stem = ctx.db.tx(() => ensureStem(ctx.db, pk))
  const bytes = await readFile(item.source)
  const target = resolveInside(ctx.libraryDir, relFilePath(stem, 'audio'))
  await mkdir(dirname(target), { recursive: true })
  await writeFileAtomic(target, bytes)
  ctx.store.setFileResult(clipId, 'audio', {
    state: 'done',
    path: target,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex')
  })
  const hasCover = ctx.store
    .getClip(clipId)
    ?.files.some((f) => f.kind === 'cover' && f.state === 'done')
  if (facts.cover !== null && hasCover !== true) {
    const cover = resolveInside(ctx.libraryDir, relFilePath(stem, 'cover', facts.cover.ext))
    await writeFileAtomic(cover, facts.cover.data)
    ctx.store.setFileResult(clipId, 'cover', {
      state: 'done',
      path: cover,
      bytes: facts.cover.data.length,
      sha256: createHash('sha256').update(facts.cover.data).digest('hex')
    })
  }
  // Songshelf's ID3 tags (on the copy) and the sidecar.
  await ctx.store.finalizeClip(clipId)
}

/** Plans, and unless `dryRun`, carries the plan out. */
export async function importFiles(
  ctx: ImportCtx,
  paths: readonly string[],
  opts: ImportOptions = {}
): Promise<ImportReport & { truncated: boolean }> {
  const { items: plan, truncated } = await planImport(ctx, paths, opts)
  const dryRun = opts.dryRun === true
  if (!dryRun) {
    const fresh = plan.filter((item) => item.action === 'import')
    if (fresh.length > 0) {
      const hadTask = ctx.store.getTask(IMPORT_TASK) !== null
      const at = ctx.now()
      ctx.store.recordTaskResults(
        [
          {
            taskId: IMPORT_TASK,
            state: 'succeeded',
            upstreamStatus: 'SUCCESS',
            failReason: null,
            progress: 100,
            submitTime: at,
            startTime: at,
            finishTime: at,
            action: 'IMPORT',
            kind: 'music',
            clips: fresh.map((item) => clipOf(item.clipId as string, item.facts as FileFacts, at)),
            lyrics: null,
            raw: {}
          }
        ],
        at,
        { downloadVideo: false }
      )
      // Imported songs are not a gateway task: nothing to poll, nothing in the task list.
      if (!hadTask) ctx.store.removeTask(IMPORT_TASK)
    }
    const copies = plan.filter((item) => item.action !== 'skip')
    for (const [done, item] of copies.entries()) {
      opts.onProgress?.({ phase: 'copying', done, total: copies.length })
      await copyInto(ctx, item)
    }
    opts.onProgress?.({ phase: 'copying', done: copies.length, total: copies.length })
  }
  const count = (action: ImportItem['action']): number =>
    plan.filter((item) => item.action === action).length
  return {
    dryRun,
    items: plan.map(({ facts: _facts, ...item }) => item),
    imported: count('import'),
    merged: count('merge'),
    skipped: count('skip'),
    truncated
  }
}
