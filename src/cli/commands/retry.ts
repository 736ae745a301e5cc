import { openCore, printLines, reportRecovery, type CliOutput } from '../context'
import { COMMON_OPTIONS, parseArgs, EXIT, resolveCommon } from '../options'

export const RETRY_HELP = `songshelf retry [clipId…]
  Puts failed downloads (of the given clips, or all) back in the queue; the next
  \`songshelf sync\` (or the running app) downloads them while the links still work.
  A sync also retries failures of this computer by itself (a read-only or missing folder,
  a disk error); links that were gone or forbidden wait for this command. For a file
  deleted from the library folder, or a link that has expired, use \`songshelf redownload\`.`

export async function retryCommand(argv: string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: COMMON_OPTIONS,
    allowPositionals: true,
    strict: true
  })
  if (values.help) return (printLines(io, RETRY_HELP), EXIT.ok)
  const core = await openCore(resolveCommon(values))
  await reportRecovery(core, io)
  try {
    const changed = core
      .library()
      .retryFailedFiles(positionals.length > 0 ? positionals : undefined)
    if (changed === 0) {
      io.out(positionals.length > 0 ? 'No failed files for those clips.' : 'No failed files.')
      return positionals.length > 0 ? EXIT.failures : EXIT.ok
    }
    io.out(`re-queued ${changed} file(s); run \`songshelf sync\` to download them`)
    return EXIT.ok
  } finally {
    await core.stop()
  }
}
