import {
  cleanNote,
  cleanUserTitle,
  NOTE_MAX,
  textLength,
  USER_TITLE_MAX
} from '../../shared/clip-title'
import { clipId } from '../../shared/schemas'
import { openCore, printLines, reportRecovery, type CliOutput } from '../context'
import type { LibraryStore } from '../../main/core/library/types'
import {
  COMMON_OPTIONS,
  parseArgs,
  EXIT,
  resolveCommon,
  UsageError,
  type CommonOptions
} from '../options'

// `songshelf rename` and `songshelf note` (issue 13): the user's own title and note, the
// same writes the app's detail panel makes (library/clip-text.ts), with the same limits.
// The gateway's title is kept; `list --json` shows both (`title`, `userTitle`).

export const RENAME_HELP = `songshelf rename <clipId> <title...> | songshelf rename <clipId> --reset
  Gives a clip your own title (at most ${USER_TITLE_MAX} characters), shown everywhere and
  written into its mp3 and sidecar; the gateway's title is kept. --reset puts it back.`
export const NOTE_HELP = `songshelf note <clipId> <text...> | - (stdin) | --clear
  Sets a clip's note (at most ${NOTE_MAX} characters), kept in the index and the sidecar.`

type Stdin = () => Promise<string>

interface Parsed {
  values: Parameters<typeof resolveCommon>[0] & { help?: boolean }
  /** --reset (rename) or --clear (note). */
  flag: boolean
  id: string | null
  rest: string[]
}

function parse(argv: string[], flag: 'reset' | 'clear'): Parsed {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...COMMON_OPTIONS, reset: { type: 'boolean' }, clear: { type: 'boolean' } },
    allowPositionals: true,
    strict: true
  })
  const other = flag === 'reset' ? 'clear' : 'reset'
  if (values[other] === true) throw new UsageError(`Unknown option --${other}.`)
  const [id, ...rest] = positionals
  if (id !== undefined && !clipId.safeParse(id).success)
    throw new UsageError(`"${id}" is not a clip id (see \`songshelf list\`).`)
  return { values, flag: values[flag] === true, id: id ?? null, rest }
}

/** Opens the core, refuses a clip the library does not hold, makes the edit, and answers
 * once the core has stopped: stopping waits for the mp3's tags and the sidecar. */
async function withClip(
  common: CommonOptions,
  io: CliOutput,
  id: string,
  edit: (library: LibraryStore) => void
): Promise<number> {
  const core = await openCore(common)
  await reportRecovery(core, io)
  try {
    if (core.library().getClip(id) === null) {
      io.err(`songshelf: no clip ${id} in the library.`)
      return EXIT.failures
    }
    edit(core.library())
    return EXIT.ok
  } finally {
    await core.stop()
  }
}

export async function renameCommand(argv: string[], io: CliOutput): Promise<number> {
  const { values, flag: reset, id, rest } = parse(argv, 'reset')
  if (values.help === true) return (printLines(io, RENAME_HELP), EXIT.ok)
  if (id === null) throw new UsageError('Give a clip id and a title, or --reset.')
  if (reset && rest.length > 0) throw new UsageError('Give a title or --reset, not both.')
  const title = rest.join(' ')
  if (!reset && cleanUserTitle(title) === '')
    throw new UsageError('Give a title (or --reset for the gateway title).')
  if (textLength(cleanUserTitle(title)) > USER_TITLE_MAX)
    throw new UsageError(`A title has at most ${USER_TITLE_MAX} characters.`)
  return withClip(resolveCommon(values), io, id, (library) => {
    const result = library.renameClip(id, reset ? '' : title)
    if (result.changed === 0) io.out(`${id}: unchanged, "${result.title}"`)
    else if (result.originalTitle === null) io.out(`${id}: back to "${result.title}"`)
    else io.out(`${id}: renamed to "${result.title}" (gateway title "${result.originalTitle}")`)
  })
}

export async function noteCommand(argv: string[], io: CliOutput, stdin: Stdin): Promise<number> {
  const { values, flag: clear, id, rest } = parse(argv, 'clear')
  if (values.help === true) return (printLines(io, NOTE_HELP), EXIT.ok)
  if (id === null) throw new UsageError('Give a clip id and a note, - for stdin, or --clear.')
  if (clear && rest.length > 0) throw new UsageError('Give a note or --clear, not both.')
  const note = clear ? '' : rest.length === 1 && rest[0] === '-' ? await stdin() : rest.join(' ')
  if (!clear && cleanNote(note) === '') throw new UsageError('Give a note (or --clear).')
  if (textLength(cleanNote(note)) > NOTE_MAX)
    throw new UsageError(`A note has at most ${NOTE_MAX} characters.`)
  return withClip(resolveCommon(values), io, id, (library) => {
    const result = library.setClipNote(id, note)
    if (result.changed === 0) io.out(`${id}: note unchanged`)
    else if (result.note === null) io.out(`${id}: note cleared`)
    else io.out(`${id}: note saved (${textLength(result.note)} characters)`)
  })
}
