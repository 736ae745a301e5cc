import { openCore, printLines, type CliOutput } from '../context'
import { COMMON_OPTIONS, parseArgs, EXIT, resolveCommon, UsageError } from '../options'

export const IMPORT_HELP = `songshelf import <file or folder…> [--dry-run] [--json]
    copies existing mp3s into the library: a Suno clip id in the tags (SUNO_ID,
    SONGSHELF_CLIP_ID, a suno.com song link) or the file name merges with the song
    the library knows; other files become local songs. --dry-run only says what it
    would do. The source files are never moved or changed.`

const VERB = { import: 'import', merge: 'merge ', skip: 'skip  ' } as const

export async function importCommand(argv: string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...COMMON_OPTIONS,
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' }
    },
    allowPositionals: true,
    strict: true
  })
  if (values.help) return (printLines(io, IMPORT_HELP), EXIT.ok)
  if (positionals.length === 0) throw new UsageError('Name the files or folders to import.')
  const core = await openCore(resolveCommon(values))
  try {
    const report = await core
      .library()
      .importFiles(positionals, { dryRun: values['dry-run'] === true })
    if (values.json) {
      io.json(JSON.stringify(report, null, 2))
      return EXIT.ok
    }
    for (const item of report.items) {
      io.out(`${VERB[item.action]}  ${item.source}  ${item.title}  — ${item.reason}`)
    }
    const would = report.dryRun ? 'would import' : 'imported'
    io.out(
      `${would} ${report.imported}, ${report.dryRun ? 'would merge' : 'merged'} ${report.merged}, skipped ${report.skipped}`
    )
    return EXIT.ok
  } finally {
    await core.stop()
  }
}
