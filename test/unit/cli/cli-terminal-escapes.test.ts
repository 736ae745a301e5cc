import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt } from '../../support/build'
import { cli, commonArgs, FIXTURES, tempLibrary } from '../../support/cli-harness'
import { runCliProcess } from '../../support/cli-process'
import { startSimulator, type Simulator } from '../../support/sim-gateway'
import { terminalSafe } from '../../../src/cli/terminal-text'

// RELIABILITY.md#hostile-input: gateway text reached the terminal raw in `sync`, `tasks` and `list`.
// Real processes, real stdout bytes: nothing a terminal would obey may come out of the
// human output, and `--json` must still carry the text exactly.

const OSC52 = '\x1b]52;c;cm0gLXJmIH4=\x07'
const TITLE = '\x1b]0;PWNED-WINDOW-TITLE\x07\x1b[31mRED\x1b[0m'
const STYLE = '\x1b[2J\x1b[Hscreen-cleared'
const NUL_TITLE = 'Cafe\u0301 \u0000\u0007 \u009b31m \u202eevil\u2066'
const REASON = `${OSC52}it failed\r faked line\u2028more`

// Everything a terminal acts on, except the LF that ends each line.
const CONTROL =
  // eslint-disable-next-line no-control-regex -- these are the bytes a terminal would obey
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u

let sim: Simulator
let dirs: { dataDir: string; libraryDir: string }
let args: string[]

beforeAll(async () => {
  ensureBuilt()
  sim = await startSimulator({ fixturesDir: FIXTURES, seed: 12 })
  dirs = tempLibrary()
  sim.addTask({
    id: '12121212-0000-4000-8000-000000000001',
    clips: 2,
    titles: [TITLE, NUL_TITLE],
    tags: STYLE,
    video: false
  })
  sim.addTask({ id: '12121212-0000-4000-8000-000000000002', fail: REASON })
  expect(
    (
      await cli([
        'add',
        ...commonArgs(dirs),
        '12121212-0000-4000-8000-000000000001 12121212-0000-4000-8000-000000000002'
      ])
    ).code
  ).toBe(0)
  args = commonArgs(dirs)
}, 180_000)
afterAll(async () => {
  await sim?.close()
  if (dirs) rmSync(dirname(dirs.dataDir), { recursive: true, force: true })
})

function expectTerminalSafe(bytes: Buffer): string {
  const text = bytes.toString('utf8')
  expect(text.length).toBeGreaterThan(0)
  expect(CONTROL.exec(text)?.[0]).toBeUndefined()
  return text
}

describe('human CLI output never lets gateway text control the terminal', () => {
  it('sync prints the fail reason escaped and visible', async () => {
    const sync = await runCliProcess(
      ['sync', '--until-done', '--poll-interval', '0.02', '--timeout', '60', ...args],
      { SONGSHELF_BASE_URL: sim.gatewayUrl, SONGSHELF_API_KEY: sim.apiKey }
    )
    expect(sync.code).toBe(1)
    const text = expectTerminalSafe(sync.stdout)
    expect(text).toContain(`failed: 12121212-0000-4000-8000-000000000002: ${terminalSafe(REASON)}`)
    expect(text).toContain('\\x1b]52;c;cm0gLXJmIH4=\\x07it failed\\x0d faked line\\u2028more')
    expect(CONTROL.exec(sync.stderr)?.[0]).toBeUndefined()
  })

  it('tasks and list show titles, styles and reasons escaped', async () => {
    const tasks = expectTerminalSafe((await runCliProcess(['tasks', ...args])).stdout)
    expect(tasks).toContain(terminalSafe(REASON))
    const list = await runCliProcess(['list', ...args])
    expect(list.code).toBe(0)
    const text = expectTerminalSafe(list.stdout)
    expect(text).toContain('\\x1b]0;PWNED-WINDOW-TITLE\\x07\\x1b[31mRED\\x1b[0m')
    expect(text).toContain('\\x1b[2J\\x1b[Hscreen-cleared')
    expect(text).toContain('Cafe\u0301 \\x00\\x07 \\x9b31m \\u202eevil\\u2066')
  })

  it('--json keeps the text exact', async () => {
    const list = await runCliProcess(['list', '--json', ...args])
    const titles = (JSON.parse(list.stdout.toString('utf8')) as { title: string }[]).map(
      (c) => c.title
    )
    expect(titles).toContain(TITLE)
    expect(titles).toContain(NUL_TITLE)
    const tasks = JSON.parse(
      (await runCliProcess(['tasks', '--json', ...args])).stdout.toString('utf8')
    ) as { failReason: string | null }[]
    expect(tasks.map((t) => t.failReason)).toContain(REASON)
  })
})

describe('terminalSafe', () => {
  it('escapes every C0, C1, DEL and bidi control, and leaves printable text alone', () => {
    for (let code = 0; code < 0x20; code++)
      expect(terminalSafe(String.fromCharCode(code))).toBe(
        `\\x${code.toString(16).padStart(2, '0')}`
      )
    for (let code = 0x7f; code <= 0x9f; code++)
      expect(terminalSafe(String.fromCharCode(code))).toMatch(/^\\x[0-9a-f]{2}$/u)
    for (const bidi of ['\u061c', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069'])
      expect(terminalSafe(bidi)).toMatch(/^\\u[0-9a-f]{4}$/u)
    const plain = '夜空中最亮的星 🎶 Café — [a06015d0] ★ #tag \u200d'
    expect(terminalSafe(plain)).toBe(plain)
    expect(terminalSafe(terminalSafe(REASON))).toBe(terminalSafe(REASON))
  })
})
