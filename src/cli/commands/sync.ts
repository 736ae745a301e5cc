import type { TaskRow } from '../../shared/domain'
import { NO_GATEWAY_MESSAGE } from '../../main/core/app/create-core'
import { alreadySyncingMessage } from '../../main/core/sync/writer-lock'
import { openCore, printLines, reportRecovery, type CliOutput } from '../context'
import { COMMON_OPTIONS, parseArgs, ConfigError, EXIT, resolveCommon, UsageError } from '../options'
import { formatBytes, ProgressLine } from '../progress'

export const SYNC_HELP = `songshelf sync [--until-done] [--poll-interval S] [--timeout S]
  Polls the gateway for saved tasks and downloads every finished song, video and cover.
  --until-done       exit when no task is pending and no download is running
  --poll-interval S  seconds between polls of young tasks (default 20)
  --timeout S        give up after S seconds (exit 1, nothing is lost)
  Only one process syncs a data folder: when the app, the preview or another sync already
  does, this one says which (pid, start time) and exits 4 without changing anything.
  Needs --base-url / SONGSHELF_BASE_URL and the key: prefer SONGSHELF_API_KEY, because a
  --key value is visible to other users in the process list (ps).`

function seconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`${name} must be a positive number of seconds.`)
  return n
}

function failures(tasks: TaskRow[]): string[] {
  const lines: string[] = []
  for (const task of tasks) {
    if (task.state === 'failed')
      lines.push(`failed: ${task.id}: ${task.failReason ?? 'the gateway reported a failure'}`)
    else if (task.state === 'not_found')
      lines.push(`not found: ${task.id}: the gateway has no task with this id for this key`)
    for (const file of task.fileErrors)
      lines.push(`file failed: ${file.clipId} ${file.kind}: ${file.error}`)
    for (const clip of task.refusedClips ?? [])
      lines.push(`refused clip id: ${task.id}: ${JSON.stringify(clip.id)}: ${clip.reason}`)
  }
  return lines
}

export async function syncCommand(argv: string[], io: CliOutput): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...COMMON_OPTIONS,
      'until-done': { type: 'boolean' },
      'poll-interval': { type: 'string' },
      timeout: { type: 'string' }
    },
    strict: true
  })
  if (values.help) {
    printLines(io, SYNC_HELP)
    return EXIT.ok
  }
  const pollInterval = seconds(values['poll-interval'], '--poll-interval')
  const timeout = seconds(values.timeout, '--timeout')
  const common = resolveCommon(values)
  if (!common.baseUrl || !common.apiKey)
    throw new ConfigError(
      `${NO_GATEWAY_MESSAGE} (--base-url and --key, or SONGSHELF_BASE_URL and SONGSHELF_API_KEY)`
    )

  const progress = new ProgressLine(io)
  const core = await openCore(common, {
    engine: pollInterval
      ? {
          policy: {
            youngIntervalMs: pollInterval * 1000,
            oldIntervalMs: Math.max(pollInterval * 1000, 90_000)
          }
        }
      : {},
    onClipReady: (clip) => progress.log(`downloaded: ${clip.title || clip.id} [${clip.id}]`)
  })
  await reportRecovery(core, io)
  const engine = core.engine()
  core.events.subscribe((event, payload) => {
    if (event === 'download-progress') {
      const bytes = payload.items.reduce((sum, i) => sum + i.bytes, 0)
      progress.update(`downloading ${payload.items.length} file(s), ${formatBytes(bytes)}`)
    }
  })
  core.start()
  const other = core.otherWriter()
  if (other !== null) {
    // One writer per data folder (docs/RELIABILITY.md "Two writers"): the other process
    // downloads everything; this one changes nothing and says so, never a silent exit 0.
    await core.stop()
    io.err(`songshelf: ${alreadySyncingMessage(other)}`)
    io.err(
      'Nothing was changed; it downloads every saved task. `add`, `list` and `tasks` still work.'
    )
    return EXIT.busy
  }
  // Ctrl+C, a kill or the timeout stop polling and downloads (`.part` files stay for the
  // next run); the summary is still printed from the open index, then it is closed.
  let onSignal = (): void => undefined
  const interrupted = new Promise<void>((resolve) => (onSignal = resolve))
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const pending = core.library().pendingTasks().length
  progress.log(`${pending} task${pending === 1 ? '' : 's'} pending`)
  let timedOut = false
  const timer = timeout ? setTimeout(() => ((timedOut = true), onSignal()), timeout * 1000) : null
  try {
    await (values['until-done'] ? Promise.race([engine.untilDone(), interrupted]) : interrupted)
    await engine.stop()
    await core.idle()
    const state = engine.state()
    const tasks = core.library().listTasks()
    progress.done()
    if (state.status === 'auth' || state.status === 'config') {
      io.err(`songshelf: ${state.message ?? 'the gateway refused the request'}`)
      io.err(`${state.pendingTasks} task(s) kept; nothing was dropped.`)
      return EXIT.config
    }
    const lines = failures(tasks)
    const done = tasks.filter((t) => t.phase === 'done').length
    io.out(`summary: ${done} done, ${state.pendingTasks} pending, ${lines.length} problem(s)`)
    for (const line of lines) io.out(line)
    if (state.status === 'disk_full') {
      io.err(`songshelf: ${state.message}`)
      return EXIT.failures
    }
    if (timedOut) {
      io.err(
        `songshelf: timed out with ${state.pendingTasks} task(s) pending and ${state.queuedDownloads} download(s) queued; run sync again to continue.`
      )
      return EXIT.failures
    }
    return lines.length > 0 ? EXIT.failures : EXIT.ok
  } finally {
    if (timer) clearTimeout(timer)
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
    await core.stop()
  }
}
