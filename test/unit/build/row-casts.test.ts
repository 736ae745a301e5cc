import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/main/core/library/db'
import { count } from '../../../src/main/core/library/rows/read'

// Issue 11: rows from the index go through a row reader, never a cast. Two guards keep it
// so: db.get/db.all have no type parameter (the type-level check below stops compiling if
// one comes back), and lint refuses a cast or a type argument on a row read anywhere in
// src/main and src/cli (linted here through the project's own eslint.config.mjs).

const ROOT = resolve(import.meta.dirname, '../../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT })
})

async function castErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message)
}

/** Compiles only while db.get/db.all take no type argument (tsc runs over test/). */
export function typeLevelCheck(db: Db): number {
  // @ts-expect-error db.get has no type parameter: read the row with a row reader
  const row = db.get<{ n: number }>('SELECT 1 AS n')
  // @ts-expect-error db.all has no type parameter either
  db.all<{ n: number }>('SELECT 1 AS n')
  return row === undefined ? count(db, 'SELECT 1 AS n') : 0
}

/** What the fixtures call, declared so they lint as ordinary typed code. */
const DECLARATIONS = `declare const db: {
  get(sql: string): unknown
  all(sql: string): unknown
  prepare(sql: string): { get(): unknown }
}
declare const stmt: { get(): unknown }
`

const forbidden: [string, string, string][] = [
  [
    'a cast of db.get',
    'src/main/core/library/leak.ts',
    "export const n = (db.get('SELECT 1 AS n') as { n: number }).n"
  ],
  [
    'a double cast of db.all',
    'src/main/core/library/queries/leak.ts',
    "export const rows = db.all('SELECT id FROM clips') as unknown as { id: string }[]"
  ],
  [
    'a cast of a raw statement',
    'src/main/core/app/leak.ts',
    "export const v = db.prepare('SELECT 1 AS v').get() as { v: number }"
  ],
  ['an angle-bracket cast', 'src/cli/leak.ts', 'export const v = <{ v: number }>stmt.get()'],
  [
    'a type argument',
    'src/main/core/library/leak.ts',
    "export const row = db.get<{ n: number }>('SELECT 1 AS n')"
  ]
]

describe('row casts are lint errors', () => {
  it.each(forbidden)('%s fails', async (_name, file, code) => {
    expect(await castErrors(file, `${DECLARATIONS}${code}\n`)).toEqual([
      expect.stringMatching(/row reader/)
    ])
  })

  it('a row reader passes', async () => {
    const code = `import { count } from './rows/read'
declare const db: Parameters<typeof count>[0]
export const n = count(db, 'SELECT count(*) AS n FROM clips')
`
    expect(await castErrors('src/main/core/library/probe.ts', code)).toEqual([])
  })
})
