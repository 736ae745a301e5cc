import { MEDIA_KINDS, type MediaKind } from '../../shared/domain'
import { GatewayError } from '../../main/core/gateway/client'
import { isAuthError } from '../../main/core/gateway/errors'
import { redownloadFiles } from '../../main/core/sync/redownload'
import { NO_GATEWAY_MESSAGE } from '../../main/core/app/create-core'
import { openCore, printLines, reportRecovery, type CliOutput } from '../context'
import { COMMON_OPTIONS, parseArgs, ConfigError, EXIT, resolveCommon, UsageError } from '../options'

export const REDOWNLOAD_HELP = `songshelf redownload [clipId…] [--kind audio|video|cover|video_cover]
  Downloads again the files that are missing from the library folder (deleted, lost
  with a disk) or that failed, of the given clips or of all: asks the gateway for each
  song's task again and queues every file it still has a link for; the next
  \`songshelf sync\` (or the running app) downloads them. Songs the gateway no longer
  has are listed and the command exits 1. Needs --base-url and --key.`

const KINDS: readonly MediaKind[] = MEDIA_KINDS

export async function redownloadCommand(argv: string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...COMMON_OPTIONS, kind: { type: 'string' } },
    allowPositionals: true,
    strict: true
  })
  if (values.help) return (printLines(io, REDOWNLOAD_HELP), EXIT.ok)
  const kind = values.kind as MediaKind | undefined
  if (kind !== undefined && !KINDS.includes(kind))
    throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`)
  const common = resolveCommon(values)
  if (!common.baseUrl || !common.apiKey)
    throw new ConfigError(
      `${NO_GATEWAY_MESSAGE} (--base-url and --key, or SONGSHELF_BASE_URL and SONGSHELF_API_KEY)`
    )
  const core = await openCore(common)
  await reportRecovery(core, io)
  try {
    const library = core.library()
    // An unplugged drive is not a library to fill again from the gateway.
    if (!library.libraryAvailable()) {
      io.err(
        `songshelf: The library folder is missing: ${library.libraryDir}. Reconnect the drive or restore the folder first (or choose another with --library).`
      )
      return EXIT.config
    }
    const client = core.engine().gatewayClient()
    if ('problem' in client) throw new ConfigError(client.problem)
    const result = await redownloadFiles(
      { store: library, client },
      positionals.length > 0 ? positionals : undefined,
      kind
    ).catch((error: unknown) => {
      if (error instanceof GatewayError && isAuthError(error)) throw new ConfigError(error.message)
      throw error
    })
    for (const r of result.refused)
      io.out(
        `not queued: ${r.clipId}${r.kind === null ? '' : ` ${r.kind}`}: ${r.message} (${r.code})`
      )
    if (result.queued > 0)
      io.out(
        `queued ${result.queued} file(s) with fresh links; run \`songshelf sync\` to download them`
      )
    else if (result.refused.length === 0) io.out('Nothing is missing.')
    return result.refused.length > 0 ? EXIT.failures : EXIT.ok
  } finally {
    await core.stop()
  }
}
