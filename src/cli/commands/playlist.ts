import { readFile, stat } from 'node:fs/promises'
import { basename, dirname, extname, resolve } from 'node:path'
import { clipId as clipIdSchema } from '../../shared/schemas'
import { renamePlaylistArgs } from '../../shared/playlist-schemas'
import type { PlaylistSummary } from '../../shared/playlists'
import type { SongshelfCore } from '../../main/core/app/create-core'
import type { Playlists } from '../../main/core/library/playlists'
import { openCore, printLines, reportRecovery, type CliOutput } from '../context'
import { COMMON_OPTIONS, parseArgs, EXIT, resolveCommon, UsageError } from '../options'

// `songshelf playlists` and `songshelf playlist <action>`: the app's playlists from a
// terminal, over the same core module (index first, then the library folder's M3U8
// mirror). A playlist is named by its id, the first characters of its id (as in its file
// name, `Road Trip [3f2a9c1b].m3u8`), or its name.

export const PLAYLISTS_HELP = `songshelf playlists [--json]
  Lists saved and smart playlists with how many songs each holds.`
export const PLAYLIST_HELP = `songshelf playlist <action> …   (a playlist is named by its name or id)
  show <playlist> [--json]         the playlist's songs, in order
  create <name> [clipId…]          a new playlist, optionally with songs
  rename <playlist> <new name>
  add <playlist> <clipId…> [--at N] adds songs (at position N, counted from 1; default: the end)
  remove <playlist> <clipId…>      removes every entry of these songs
  delete <playlist>                deletes the playlist (its songs stay in the library)
  export <playlist> <file.m3u8>    writes it for other players (paths relative to the file)
  import <file.m3u/m3u8> [--name N] entries that point into the library become a playlist;
                                   the others are listed`

/** Most an imported playlist file may hold (the bridge's own bound, playlist-schemas.ts). */
const MAX_IMPORT_BYTES = 20_000_000
/** Rows read at a time for `show` (the core's largest page). */
const PAGE = 500

function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase()
}

/** A playlist name as the app would store it (trimmed, NFC, one space, ≤ 120). */
function playlistName(raw: string): string {
  const parsed = renamePlaylistArgs.shape.name.safeParse(raw)
  if (!parsed.success) throw new UsageError(`"${raw}": ${parsed.error.issues[0]?.message}`)
  return parsed.data
}

function clipIds(raw: readonly string[]): string[] {
  if (raw.length === 0) throw new UsageError('Give at least one clip id.')
  const bad = raw.filter((id) => !clipIdSchema.safeParse(id).success)
  if (bad.length > 0) throw new UsageError(`not a clip id: ${bad.join(', ')}`)
  return [...raw]
}

/** A playlist the user named: an exact id, then an exact name (ignoring case and spaces),
 * then a unique id prefix of at least 8 characters. */
export function findPlaylist(
  all: readonly PlaylistSummary[],
  ref: string
): PlaylistSummary | { ambiguous: PlaylistSummary[] } | null {
  const byId = all.find((p) => p.id === ref)
  if (byId) return byId
  const byName = all.filter((p) => nameKey(p.name) === nameKey(ref))
  if (byName.length === 1) return byName[0] ?? null
  if (byName.length > 1) return { ambiguous: byName }
  if (ref.length < 8) return null
  const byPrefix = all.filter((p) => p.id.startsWith(ref.toLowerCase()))
  if (byPrefix.length === 1) return byPrefix[0] ?? null
  return byPrefix.length > 1 ? { ambiguous: byPrefix } : null
}

class NotFound extends Error {}

function resolvePlaylist(playlists: Playlists, ref: string | undefined): PlaylistSummary {
  if (ref === undefined || ref === '') throw new UsageError('Name the playlist (its name or id).')
  const found = findPlaylist(playlists.list(), ref)
  if (found === null)
    throw new NotFound(`No playlist is called "${ref}". \`songshelf playlists\` lists them.`)
  if ('ambiguous' in found) {
    const ids = found.ambiguous.map((p) => `${p.id} (${p.name})`).join(', ')
    throw new UsageError(`"${ref}" names more than one playlist; give its id: ${ids}`)
  }
  return found
}

function kindWord(p: PlaylistSummary): string {
  return p.kind === 'smart' ? 'smart' : 'list'
}

function summaryJson(p: PlaylistSummary): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    count: p.count,
    rule: p.rule,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt
  }
}

async function withCore(
  values: Parameters<typeof resolveCommon>[0],
  io: CliOutput,
  fn: (core: SongshelfCore) => Promise<number>
): Promise<number> {
  const core = await openCore(resolveCommon(values))
  await reportRecovery(core, io)
  try {
    return await fn(core)
  } catch (error) {
    if (error instanceof NotFound) {
      io.err(`songshelf: ${error.message}`)
      return EXIT.failures
    }
    throw error
  } finally {
    await core.stop()
  }
}

export async function playlistsCommand(argv: string[], io: CliOutput): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...COMMON_OPTIONS, json: { type: 'boolean' } },
    strict: true
  })
  if (values.help) return (printLines(io, PLAYLISTS_HELP), EXIT.ok)
  return withCore(values, io, async (core) => {
    const all = core.library().playlists.list()
    if (values.json) io.json(JSON.stringify(all.map(summaryJson), null, 2))
    else if (all.length === 0)
      io.out('No playlists yet. Make one with `songshelf playlist create <name>`.')
    else for (const p of all) io.out(`${p.id}  ${kindWord(p).padEnd(5)} ${p.count}  ${p.name}`)
    return EXIT.ok
  })
}

export async function playlistCommand(argv: string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...COMMON_OPTIONS,
      json: { type: 'boolean' },
      at: { type: 'string' },
      name: { type: 'string' }
    },
    allowPositionals: true,
    strict: true
  })
  const [action, ...args] = positionals
  if (values.help || action === undefined) {
    printLines(io, PLAYLIST_HELP)
    return values.help ? EXIT.ok : EXIT.usage
  }
  const at = values.at === undefined ? undefined : Number(values.at)
  if (at !== undefined && (!Number.isInteger(at) || at < 1))
    throw new UsageError('--at must be a position counted from 1.')
  switch (action) {
    case 'show':
      return withCore(values, io, async (core) => show(core, args, values.json === true, io))
    case 'create': {
      const [rawName, ...ids] = args
      if (rawName === undefined) throw new UsageError('Give the new playlist a name.')
      const name = playlistName(rawName)
      const wanted = ids.length > 0 ? clipIds(ids) : []
      return withCore(values, io, async (core) => {
        const created = await core.library().playlists.create({ name, clipIds: wanted })
        const missing = wanted.length - created.count
        if (values.json) io.json(JSON.stringify(summaryJson(created), null, 2))
        else
          io.out(`created playlist "${created.name}" (${created.id}) with ${created.count} song(s)`)
        if (missing > 0) io.err(`songshelf: ${missing} clip id(s) are not in the library`)
        return missing > 0 ? EXIT.failures : EXIT.ok
      })
    }
    case 'rename': {
      const [ref, rawName, ...extra] = args
      if (rawName === undefined || extra.length > 0)
        throw new UsageError('Give the playlist and its new name (quote a name with spaces).')
      const name = playlistName(rawName)
      return withCore(values, io, async (core) => {
        const playlists = core.library().playlists
        const renamed = await playlists.rename(resolvePlaylist(playlists, ref).id, name)
        io.out(`renamed to "${renamed.name}"`)
        return EXIT.ok
      })
    }
    case 'add': {
      const [ref, ...ids] = args
      const wanted = clipIds(ids)
      return withCore(values, io, async (core) => {
        const playlists = core.library().playlists
        const target = resolvePlaylist(playlists, ref)
        const { added } = await playlists.add(target.id, wanted, at === undefined ? at : at - 1)
        io.out(`added ${added} song(s) to "${target.name}"`)
        const missing = wanted.length - added
        if (missing > 0) io.err(`songshelf: ${missing} clip id(s) are not in the library`)
        return missing > 0 ? EXIT.failures : EXIT.ok
      })
    }
    case 'remove': {
      const [ref, ...ids] = args
      const unwanted = new Set(clipIds(ids))
      return withCore(values, io, async (core) => {
        const playlists = core.library().playlists
        const target = resolvePlaylist(playlists, ref)
        const itemIds = entriesOf(playlists, target.id, unwanted)
        const { removed } =
          itemIds.length === 0 ? { removed: 0 } : await playlists.remove(target.id, itemIds)
        io.out(`removed ${removed} entr${removed === 1 ? 'y' : 'ies'} from "${target.name}"`)
        return removed === 0 ? EXIT.failures : EXIT.ok
      })
    }
    case 'delete': {
      const [ref, ...extra] = args
      if (extra.length > 0) throw new UsageError('Delete one playlist at a time.')
      return withCore(values, io, async (core) => {
        const playlists = core.library().playlists
        const target = resolvePlaylist(playlists, ref)
        await playlists.delete(target.id)
        io.out(`deleted playlist "${target.name}" (its songs stay in the library)`)
        return EXIT.ok
      })
    }
    case 'export': {
      const [ref, file, ...extra] = args
      if (file === undefined || extra.length > 0)
        throw new UsageError('Give the playlist and the file to write, e.g. road-trip.m3u8.')
      return withCore(values, io, async (core) => {
        const playlists = core.library().playlists
        const target = resolvePlaylist(playlists, ref)
        const result = await playlists.exportM3u(target.id, resolve(file))
        io.out(`wrote ${result.written} song(s) to ${resolve(file)}`)
        if (result.skipped > 0)
          io.err(`songshelf: ${result.skipped} song(s) left out: their audio is not downloaded`)
        return result.skipped > 0 ? EXIT.failures : EXIT.ok
      })
    }
    case 'import': {
      const [file, ...extra] = args
      if (file === undefined || extra.length > 0) throw new UsageError('Give one .m3u8 file.')
      const path = resolve(file)
      const size = await stat(path).then(
        (s) => s.size,
        () => null
      )
      if (size === null) throw new UsageError(`cannot read ${path}`)
      if (size > MAX_IMPORT_BYTES) throw new UsageError(`${path} is too large for a playlist`)
      const text = await readFile(path, 'utf8')
      const name = playlistName(values.name ?? basename(path, extname(path)))
      return withCore(values, io, async (core) => {
        const report = await core
          .library()
          .playlists.importM3u({ name, text, baseDir: dirname(path) })
        if (values.json) {
          io.json(
            JSON.stringify(
              {
                playlist: summaryJson(report.playlist),
                added: report.added,
                missing: report.missing
              },
              null,
              2
            )
          )
        } else {
          io.out(
            `imported "${report.playlist.name}" (${report.playlist.id}): ${report.added} song(s)`
          )
          for (const entry of report.missing) io.out(`not in the library: ${entry}`)
        }
        return report.missing.length > 0 ? EXIT.failures : EXIT.ok
      })
    }
    default:
      throw new UsageError(
        `unknown playlist action "${action}". Run \`songshelf playlist --help\`.`
      )
  }
}

/** The entry ids of these clips in a manual playlist, read a page at a time. */
function entriesOf(playlists: Playlists, id: string, clips: ReadonlySet<string>): number[] {
  const out: number[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = playlists.query(id, offset, PAGE)
    page.rows.forEach((row, i) => {
      const itemId = page.itemIds[i]
      if (clips.has(row.id) && itemId !== undefined) out.push(itemId)
    })
    if (page.rows.length < PAGE) return out
  }
}

function show(core: SongshelfCore, args: string[], json: boolean, io: CliOutput): number {
  const [ref, ...extra] = args
  if (extra.length > 0) throw new UsageError('Show one playlist at a time.')
  const playlists = core.library().playlists
  const target = resolvePlaylist(playlists, ref)
  const songs: Record<string, unknown>[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = playlists.query(target.id, offset, PAGE)
    page.rows.forEach((row, i) =>
      songs.push({
        position: offset + i + 1,
        itemId: page.itemIds[i] ?? null,
        id: row.id,
        title: row.title,
        take: row.take,
        durationSec: row.durationSec,
        styleTags: row.styleTags,
        model: row.model,
        hasAudio: row.hasAudio
      })
    )
    if (page.rows.length < PAGE) break
  }
  if (json) {
    io.json(JSON.stringify({ playlist: summaryJson(target), clips: songs }, null, 2))
    return EXIT.ok
  }
  io.out(`${target.name}  (${kindWord(target)}, ${target.count} song(s))  ${target.id}`)
  for (const song of songs) {
    const take = typeof song.take === 'number' ? ` (take ${song.take})` : ''
    io.out(
      `${String(song.position).padStart(4)}  ${String(song.id)}  ${String(song.title) || '(untitled)'}${take}`
    )
  }
  return EXIT.ok
}
