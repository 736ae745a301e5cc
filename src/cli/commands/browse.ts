import { openLibraryReader } from '../../main/core/library/reader'
import type { LibraryStore } from '../../main/core/library/types'
import { displayTitle } from '../../shared/clip-title'
import { openCore, printLines, reportRecovery, type CliOutput } from '../context'
import { COMMON_OPTIONS, parseArgs, EXIT, resolveCommon, UsageError } from '../options'

export const TASKS_HELP = `songshelf tasks [--json]
  Lists saved tasks with their state (pending, succeeded, failed, not_found).`
export const LIST_HELP = `songshelf list [--json] [--search Q] [--tag T] [--favorite] [--limit N]
  Lists clips in the library, newest first, with their files.`
export const TAG_HELP = `songshelf tag <clipId...> [--add T]... [--remove T]...
  Adds and removes user tags on clips (and in their sidecar files).`
export const REBUILD_HELP = `songshelf rebuild
  Recreates the index from the library folder's sidecars and files alone.`

export async function tasksCommand(argv: string[], io: CliOutput): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...COMMON_OPTIONS, json: { type: 'boolean' } },
    strict: true
  })
  if (values.help) return (printLines(io, TASKS_HELP), EXIT.ok)
  const core = await openCore(resolveCommon(values))
  await reportRecovery(core, io)
  try {
    const tasks = core.library().listTasks()
    if (values.json) {
      io.json(
        JSON.stringify(
          tasks.map((t) => ({
            id: t.id,
            state: t.state,
            phase: t.phase,
            upstreamStatus: t.upstreamStatus,
            failReason: t.failReason,
            clipIds: t.clipIds,
            addedAt: t.addedAt,
            lastPolledAt: t.lastPolledAt,
            fileErrors: t.fileErrors,
            lyrics: t.lyrics,
            problem: t.problem ?? null,
            refusedClips: t.refusedClips ?? []
          })),
          null,
          2
        )
      )
    } else if (tasks.length === 0) {
      io.out('No tasks yet. Add some with `songshelf add <task ids>`.')
    } else {
      for (const t of tasks) {
        const refused = t.refusedClips?.length ?? 0
        const reason =
          (t.failReason ? `  ${t.failReason}` : '') +
          (refused > 0 ? `  ${refused} clip id(s) refused` : '')
        io.out(
          `${t.id}  ${t.phase.padEnd(11)} ${t.upstreamStatus || '-'}  ${t.lyrics ? `lyrics: ${t.lyrics.title || '(untitled)'}` : `${t.clipIds.length} clip(s)`}${reason}`
        )
      }
    }
  } finally {
    await core.stop()
  }
  return EXIT.ok
}

export async function listCommand(argv: string[], io: CliOutput): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...COMMON_OPTIONS,
      json: { type: 'boolean' },
      search: { type: 'string' },
      tag: { type: 'string', multiple: true },
      favorite: { type: 'boolean' },
      limit: { type: 'string' }
    },
    strict: true
  })
  if (values.help) return (printLines(io, LIST_HELP), EXIT.ok)
  const limit = values.limit === undefined ? undefined : Number(values.limit)
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new UsageError('--limit must be a positive whole number.')
  const common = resolveCommon(values)
  const filter = {
    search: values.search,
    userTags: values.tag,
    favorite: values.favorite ? true : undefined,
    limit
  }
  // An index that needs nothing done to it is read without the core (issue 14 §6).
  const reader = openLibraryReader(common)
  if (reader !== null) {
    try {
      return printClips(reader, filter, values.json === true, io)
    } finally {
      reader.close()
    }
  }
  const core = await openCore(common)
  await reportRecovery(core, io)
  try {
    return printClips(core.library(), filter, values.json === true, io)
  } finally {
    await core.stop()
  }
}

function printClips(
  library: Pick<LibraryStore, 'libraryDir' | 'libraryAvailable' | 'listClipsForCli'>,
  filter: Parameters<LibraryStore['listClipsForCli']>[0],
  json: boolean,
  io: CliOutput
): number {
  // A vanished folder is said plainly; its files are listed as missing (issue 12 §3).
  const folderMissing = !library.libraryAvailable()
  if (folderMissing)
    io.err(
      `songshelf: The library folder is missing: ${library.libraryDir}. Reconnect the drive or restore the folder (or choose another with --library); nothing in it can be played.`
    )
  const clips = library.listClipsForCli(filter)
  if (json) io.json(JSON.stringify(clips, null, 2))
  else if (clips.length === 0) io.out('No clips match.')
  else {
    for (const c of clips) {
      const audio = c.files.find((f) => f.kind === 'audio')
      const star = c.favorite ? '★ ' : ''
      io.out(
        `${c.id}  ${star}${displayTitle(c.title, c.userTitle) || '(untitled)'}  ${c.styleTags ?? ''}  [${audio?.state ?? 'absent'}]${c.userTags.length ? '  #' + c.userTags.join(' #') : ''}`
      )
    }
  }
  return folderMissing ? EXIT.failures : EXIT.ok
}

export async function tagCommand(argv: string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...COMMON_OPTIONS,
      add: { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true }
    },
    allowPositionals: true,
    strict: true
  })
  if (values.help) return (printLines(io, TAG_HELP), EXIT.ok)
  if (positionals.length === 0) throw new UsageError('Give at least one clip id.')
  if (!values.add?.length && !values.remove?.length)
    throw new UsageError('Give --add T or --remove T.')
  const core = await openCore(resolveCommon(values))
  await reportRecovery(core, io)
  try {
    const result = core
      .library()
      .tagClips(positionals, { add: values.add ?? [], remove: values.remove ?? [] })
    io.out(`changed ${result.changed} clip(s)`)
    return result.changed === 0 && positionals.length > 0 ? EXIT.failures : EXIT.ok
  } finally {
    await core.stop()
  }
}

export async function rebuildCommand(argv: string[], io: CliOutput): Promise<number> {
  const { values } = parseArgs({ args: argv, options: COMMON_OPTIONS, strict: true })
  if (values.help) return (printLines(io, REBUILD_HELP), EXIT.ok)
  // The full check, whatever the index's size: a large index skips it on open, and
  // damage in it must not strand the command that exists to repair it (issue 12 §2).
  const core = await openCore(resolveCommon(values), { fullIndexCheck: true })
  await reportRecovery(core, io)
  try {
    // A damaged index was already rebuilt on open (reportRecovery said so).
    if (core.library().recovery?.rebuilt === true) return EXIT.ok
    const result = await core.library().rebuild()
    if (!result.ok) {
      io.err(`songshelf: ${result.message}`)
      return result.code === 'library_unavailable' ? EXIT.config : EXIT.failures
    }
    io.out(`rebuilt the index: ${result.clips} clip(s) from ${result.tasks} task(s)`)
    if (result.restoredTasks) io.out(`restored ${result.restoredTasks} pending task(s)`)
    for (const skipped of result.skipped) io.out(`skipped: ${skipped}`)
    for (const refused of result.refused ?? []) io.out(`refused: ${refused}`)
    return EXIT.ok
  } finally {
    await core.stop()
  }
}
