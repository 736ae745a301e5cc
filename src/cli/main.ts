import {
  humanOutput,
  printLines,
  quietOnClosedOutput,
  stdOutput,
  type CliOutput,
  type Output
} from './context'
import { ConfigError, EXIT, UsageError } from './options'
import { readPackageVersion } from './version'

type Command = (argv: string[], io: CliOutput, stdin: () => Promise<string>) => Promise<number>

/** Each command's module is imported only when that command runs, so `list` does not
 * load what `sync` or `import` need (issue 14 §6); rollup emits a chunk per command. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  add: async () => (await import('./commands/add')).addCommand,
  sync: async () => (await import('./commands/sync')).syncCommand,
  tasks: async () => (await import('./commands/browse')).tasksCommand,
  list: async () => (await import('./commands/browse')).listCommand,
  tag: async () => (await import('./commands/browse')).tagCommand,
  rename: async () => (await import('./commands/clip-text')).renameCommand,
  note: async () => (await import('./commands/clip-text')).noteCommand,
  rebuild: async () => (await import('./commands/browse')).rebuildCommand,
  import: async () => (await import('./commands/import')).importCommand,
  retry: async () => (await import('./commands/retry')).retryCommand,
  redownload: async () => (await import('./commands/redownload')).redownloadCommand,
  playlists: async () => (await import('./commands/playlist')).playlistsCommand,
  playlist: async () => (await import('./commands/playlist')).playlistCommand
}

/** Every command's help, in the order `--help` lists them. */
async function commandHelps(): Promise<string[]> {
  const [add, sync, browse, clipText, imports, retry, redownload, playlist] = await Promise.all([
    import('./commands/add'),
    import('./commands/sync'),
    import('./commands/browse'),
    import('./commands/clip-text'),
    import('./commands/import'),
    import('./commands/retry'),
    import('./commands/redownload'),
    import('./commands/playlist')
  ])
  return [
    add.ADD_HELP,
    sync.SYNC_HELP,
    browse.TASKS_HELP,
    browse.LIST_HELP,
    browse.TAG_HELP,
    clipText.RENAME_HELP,
    clipText.NOTE_HELP,
    browse.REBUILD_HELP,
    imports.IMPORT_HELP,
    retry.RETRY_HELP,
    redownload.REDOWNLOAD_HELP,
    playlist.PLAYLISTS_HELP,
    playlist.PLAYLIST_HELP
  ]
}

const help = (
  helps: string[]
): string => `songshelf — your Suno songs, downloaded and kept together.

Usage: songshelf <command> [options]

Commands:
${helps.map((h) => '  ' + h.replace(/\n/g, '\n  ')).join('\n\n')}

Common options (and environment):
  --data-dir D   (SONGSHELF_DATA_DIR)  where the index lives; default: the app's data folder
  --library L    (SONGSHELF_LIBRARY)   the library folder; default: the app's, or ~/Music/Songshelf
  --base-url U   (SONGSHELF_BASE_URL)  the gateway, e.g. https://api.example.com
  --key K        (SONGSHELF_API_KEY)   the gateway API key (sent to the gateway only).
                 Prefer the environment variable: other users of this computer can
                 read a --key value in the process list (ps); the variable is not shown.

Exit codes: 0 all good; 1 finished but something failed (each listed); 2 usage error;
3 authentication or configuration error (nothing dropped); 4 another Songshelf process (the
app, the preview or another sync) is syncing this library, so this one did nothing.`

export const KEY_IN_PS_WARNING =
  'songshelf: note: other users of this computer can see --key in the process list; ' +
  'set SONGSHELF_API_KEY instead.'

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function run(
  argv: string[],
  sink: Output = stdOutput,
  stdin = readStdin
): Promise<number> {
  const io = humanOutput(sink)
  const [command, ...rest] = argv
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        printLines(io, help(await commandHelps()))
        return EXIT.ok
      case '--version':
      case '-v':
        io.out(readPackageVersion())
        return EXIT.ok
      default: {
        const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
        if (load === undefined) {
          io.err(`songshelf: unknown command "${command}". Run \`songshelf --help\`.`)
          return EXIT.usage
        }
        return await (
          await load()
        )(rest, io, stdin)
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`songshelf: ${message}`)
      return EXIT.usage
    }
    if (
      error instanceof ConfigError ||
      (error as { code?: string }).code === 'data_dir_in_library'
    ) {
      io.err(`songshelf: ${message}`)
      return EXIT.config
    }
    io.err(`songshelf: ${message}`)
    return EXIT.failures
  }
}

/** Entry used by bin/songshelf.cjs. */
export async function main(argv: string[]): Promise<number> {
  quietOnClosedOutput()
  // At a terminal, say it once: a --key value sits in the process list for the whole sync.
  if (process.stderr.isTTY && argv.some((arg) => arg === '--key' || arg.startsWith('--key=')))
    process.stderr.write(`${KEY_IN_PS_WARNING}\n`)
  return run(argv)
}
