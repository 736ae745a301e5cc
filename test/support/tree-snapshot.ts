import { createHash } from 'node:crypto'
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

// A fingerprint of a folder tree (names, types, sizes, contents, modification times) to
// prove that a suite left everything outside the library exactly as it found it.

export type TreeSnapshot = Record<string, string>

export function snapshotTree(root: string, skip: readonly string[] = []): TreeSnapshot {
  const out: TreeSnapshot = {}
  if (!existsSync(root)) return out
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      const rel = relative(root, path)
      if (skip.includes(rel)) continue
      const stat = lstatSync(path)
      if (stat.isDirectory()) {
        out[rel] = `dir ${stat.mtimeMs}`
        visit(path)
      } else if (stat.isFile()) {
        const sha = createHash('sha256').update(readFileSync(path)).digest('hex')
        out[rel] = `file ${stat.size} ${sha} ${stat.mtimeMs}`
      } else out[rel] = `other ${stat.mtimeMs}`
    }
  }
  visit(root)
  return out
}
