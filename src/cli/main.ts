import { addCommand, ADD_HELP } from './commands/add'
import {
  listCommand,
  rebuildCommand,
  tagCommand,
  tasksCommand,
  LIST_HELP,
  REBUILD_HELP,
  TAG_HELP,
  TASKS_HELP
} from './commands/browse'
import { importCommand, IMPORT_HELP } from './commands/import'
import {
  playlistCommand,
  playlistsCommand,
  PLAYLIST_HELP,
  PLAYLISTS_HELP
} from './commands/playlist'
import { redownloadCommand, REDOWNLOAD_HELP } from './commands/redownload'
import { retryCommand, RETRY_HELP } from './commands/retry'
import { syncCommand, SYNC_HELP } from './commands/sync'
import { humanOutput, printLines, quietOnClosedOutput, stdOutput, type Output } from './context'
import { ConfigError, EXIT, UsageError } from './options'
import { readPackageVersion } from './version'

const HELP = `songshelf — your Suno songs, downloaded and kept together.

Usage: songshelf <command> [options]

Commands:
${[ADD_HELP, SYNC_HELP, TASKS_HELP, LIST_HELP, TAG_HELP, REBUILD_HELP, IMPORT_HELP, RETRY_HELP, REDOWNLOAD_HELP, PLAYLISTS_HELP, PLAYLIST_HELP].map((h) => '  ' + h.replace(/\n/g, '\n  ')).join('\n\n')}

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
        printLines(io, HELP)
        return EXIT.ok
      case '--version':
      case '-v':
        io.out(readPackageVersion())
        return EXIT.ok
      case 'add':
        return await addCommand(rest, io, stdin)
      case 'sync':
        return await syncCommand(rest, io)
      case 'tasks':
        return await tasksCommand(rest, io)
      case 'list':
        return await listCommand(rest, io)
      case 'tag':
        return await tagCommand(rest, io)
      case 'rebuild':
        return await rebuildCommand(rest, io)
      case 'import':
        return await importCommand(rest, io)
      case 'retry':
        return await retryCommand(rest, io)
      case 'redownload':
        return await redownloadCommand(rest, io)
      case 'playlists':
        return await playlistsCommand(rest, io)
      case 'playlist':
        return await playlistCommand(rest, io)
      default:
        io.err(`songshelf: unknown command "${command}". Run \`songshelf --help\`.`)
        return EXIT.usage
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
