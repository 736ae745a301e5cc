import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// Comments cite what the code relies on. A citation must resolve inside the repository
// (a docs/ file, its anchor, a row of RELIABILITY.md's threat matrix) or be a public source
// (a URL, an RFC, an upstream issue). The research notes the project started from are not
// in the repository, so naming them cites nothing (issue 11, "Honest contract and code").

const ROOT = join(import.meta.dirname, '../../..')
const DOCS = join(ROOT, 'docs')
const SCANNED = ['src', 'test', 'bench', 'scripts']
const TEXT = /\.(?:[cm]?[jt]sx?|sh|md)$/
const SELF = relative(ROOT, import.meta.filename)

/** Names of notes that live outside the repository. */
const OUTSIDE = [
  /research\//i,
  /reliability[- ]matrix/i,
  /review[- ]2026/i,
  /peer-features/i,
  /electron-codebases/i,
  /gateway-api\.md/i,
  /gateway-drift/i,
  /red-team/i
]

const ROW = /\b[A-I]\d{1,2}[a-z]?\b/g

export interface Finding {
  file: string
  line: number
  problem: string
}

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path, out)
    else if (TEXT.test(entry.name)) out.push(path)
  }
  return out
}

/** `<a id="x">` anchors and GitHub heading slugs of every file in docs/. */
function docAnchors(): Map<string, Set<string>> {
  const docs = new Map<string, Set<string>>()
  for (const name of readdirSync(DOCS).filter((n) => n.endsWith('.md'))) {
    const text = readFileSync(join(DOCS, name), 'utf8')
    const anchors = new Set<string>()
    for (const m of text.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(m[1] as string)
    for (const m of text.matchAll(/^#{1,6} (.+)$/gm)) {
      const slug = (m[1] as string)
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-')
      anchors.add(slug)
    }
    docs.set(name, anchors)
  }
  return docs
}

/** The ids of the threat matrix's rows in docs/RELIABILITY.md (`| E8  | Disk full |`). */
function matrixRows(): Set<string> {
  const text = readFileSync(join(DOCS, 'RELIABILITY.md'), 'utf8')
  return new Set([...text.matchAll(/^\| ([A-I]\d{1,2}) +\|/gm)].map((m) => m[1] as string))
}

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length

/** Every broken citation in `text` (the contents of `file`). */
export function checkCitations(
  file: string,
  text: string,
  docs: Map<string, Set<string>>,
  rows: Set<string>
): Finding[] {
  const found: Finding[] = []
  const report = (index: number, problem: string): void => {
    found.push({ file, line: lineOf(text, index), problem })
  }
  for (const pattern of OUTSIDE) {
    for (const m of text.matchAll(new RegExp(pattern.source, 'gi'))) {
      report(m.index, `names a note outside the repository: "${m[0]}"`)
    }
  }
  // `GATEWAY.md#routes`, and `docs/GATEWAY.md (#auth, #routes)` up to the next sentence.
  for (const m of text.matchAll(/\b([A-Z][A-Z]+)\.md(#[a-z0-9-]+)?/g)) {
    const doc = `${m[1]}.md`
    const anchors = docs.get(doc)
    if (!anchors) {
      if (/^(?:README|DESIGN|STYLE|LICENSE)$/.test(m[1] as string)) continue
      report(m.index, `cites ${doc}, which is not in docs/`)
      continue
    }
    const tail = text.slice(m.index + m[0].length, m.index + m[0].length + 160)
    const until = tail.search(/\.md\b|\.\s|\n\s*\n/)
    const cited = [
      m[2] ?? '',
      ...(until < 0 ? tail : tail.slice(0, until)).matchAll(/(?<=^|[\s(])#[a-z][a-z0-9-]*/g)
    ]
      .map((a) => (typeof a === 'string' ? a : a[0]))
      .filter((a) => a !== '')
    for (const anchor of cited) {
      if (!anchors.has(anchor.slice(1)))
        report(m.index, `cites ${doc}${anchor}, which has no such anchor`)
    }
  }
  // Matrix rows: `RELIABILITY.md E8`, `rows F3, F4`, or an id list in brackets `(E7, D3)`.
  const rowCitations = [
    ...text.matchAll(
      /RELIABILITY\.md,?(?: rows?)?((?:[\s,/–-]+(?:and\s+)?[A-I]\d{1,2}[a-z]?\b)+)/g
    ),
    ...text.matchAll(/\b[Rr]ows? ((?:[\s,/–-]*(?:and\s+)?[A-I]\d{1,2}[a-z]?\b)+)/g),
    ...text.matchAll(/\(([A-I]\d{1,2}[a-z]?\b[^()\n]*)\)/g)
  ]
  for (const m of rowCitations) {
    for (const id of (m[1] as string).matchAll(ROW)) {
      if (!rows.has(id[0]))
        report(m.index, `cites matrix row ${id[0]}, which RELIABILITY.md does not have`)
    }
  }
  return found
}

describe('citations in comments resolve inside the repository', () => {
  const docs = docAnchors()
  const rows = matrixRows()

  it('reads the anchors and the matrix it checks against', () => {
    expect(docs.get('GATEWAY.md')).toContain('errors')
    expect(docs.get('STORAGE.md')).toContain('sqlite')
    expect(rows).toContain('E8')
    expect(rows.size).toBeGreaterThan(50)
  })

  it('finds what it is meant to find (each line of this fixture is one finding)', () => {
    const fixture = [
      '// see research/' + 'gateway-api.md §8',
      '// reliability' + '-matrix E2',
      '// docs/GATEWAY.md#no-such-anchor',
      '// docs/GATEWAY.md (#auth, #nowhere)',
      '// a redirect loop (E4z)',
      '// RELIABILITY.md E99',
      '// cites NOTES.md'
    ].join('\n')
    const lines = checkCitations('fixture.ts', fixture, docs, rows).map((f) => f.line)
    expect([...new Set(lines)].sort()).toEqual([1, 2, 3, 4, 5, 6, 7])
    const good = [
      '// docs/GATEWAY.md#errors; docs/GATEWAY.md (#auth, #routes)',
      '// (RELIABILITY.md E2–E4, B6) and rows F3, F4; (E8); RFC 9110 §13.1.5; issue 12 §3',
      '// electron/electron#38749, Museeks #624, Shift+F10, C0 and C1 controls'
    ].join('\n')
    expect(checkCitations('good.ts', good, docs, rows)).toEqual([])
  })

  it('no file under src/, test/, bench/ or scripts/ cites what is not there', () => {
    const findings: Finding[] = []
    for (const dir of SCANNED) {
      for (const path of walk(join(ROOT, dir), [])) {
        const file = relative(ROOT, path)
        if (file === SELF) continue
        findings.push(...checkCitations(file, readFileSync(path, 'utf8'), docs, rows))
      }
    }
    expect(findings.map((f) => `${f.file}:${f.line} ${f.problem}`)).toEqual([])
  })
})
