import { readFileSync } from 'node:fs'
import { extractTaskIds } from '../../shared/task-ids'
import { openCore, printLines, reportRecovery, type CliOutput } from '../context'
import { COMMON_OPTIONS, parseArgs, EXIT, resolveCommon, UsageError } from '../options'

export const ADD_HELP = `songshelf add <ids or text...> [--file F] [-]
  Finds task ids (UUIDs and task_… ids) in the arguments, in a file, or on stdin (-),
  and saves them as tasks to poll. Run \`songshelf sync\` to download them.`

export async function addCommand(
  argv: string[],
  io: CliOutput,
  stdin: () => Promise<string>
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...COMMON_OPTIONS, file: { type: 'string', short: 'f' } },
    allowPositionals: true,
    strict: true
  })
  if (values.help) {
    printLines(io, ADD_HELP)
    return EXIT.ok
  }
  const sources: string[] = []
  const notIds: string[] = []
  for (const arg of positionals) {
    if (arg === '-') sources.push(await stdin())
    else {
      const found = extractTaskIds(arg)
      if (found.ids.length === 0) notIds.push(arg)
      sources.push(arg)
    }
  }
  if (values.file) {
    try {
      sources.push(readFileSync(values.file, 'utf8'))
    } catch {
      throw new UsageError(`Cannot read ${values.file}.`)
    }
  }
  if (sources.length === 0)
    throw new UsageError('Give task ids as arguments, with --file F, or on stdin with -.')
  const { ids, invalid } = extractTaskIds(sources.join('\n'))
  const listed = new Set(notIds)
  for (const bad of invalid) {
    if (listed.has(bad)) continue
    listed.add(bad)
    notIds.push(bad)
  }
  if (ids.length === 0) {
    for (const bad of notIds) io.err(`not an id: ${bad}`)
    throw new UsageError('No task ids found.')
  }
  const core = await openCore(resolveCommon(values))
  await reportRecovery(core, io)
  try {
    const { added, known } = core.library().addTasks(ids, Date.now())
    io.out(
      `found ${ids.length} task id${ids.length === 1 ? '' : 's'}: ${added.length} added, ${known.length} already known`
    )
    for (const id of added) io.out(`added: ${id}`)
    for (const id of known) io.out(`already known: ${id}`)
    for (const bad of notIds) io.out(`not an id: ${bad}`)
  } finally {
    await core.stop()
  }
  return EXIT.ok
}
