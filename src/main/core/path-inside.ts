import * as nodePath from 'node:path'

// One home for path containment. `relative(root, x).startsWith('..')` is the tempting
// copy and it is wrong twice: a child folder named `..foo` starts with `..`, and on
// Windows a path on another drive has no relative form at all (`relative('C:\\lib',
// 'D:\\x')` is the absolute `'D:\\x'`). Node documents both behaviours for
// path.relative: https://nodejs.org/api/path.html#pathrelativefrom-to

/** The path functions to use: node:path by default, `path.win32` in tests. */
export type PathFlavour = Pick<typeof nodePath, 'relative' | 'resolve' | 'isAbsolute' | 'sep'>

/** True when `candidate` is `root` itself or anywhere below it. */
export function isInside(root: string, candidate: string, path: PathFlavour = nodePath): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(candidate))
  return rel === '' || (!path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`))
}

/** True when `candidate` is below `root` (and not `root` itself). */
export function isBelow(root: string, candidate: string, path: PathFlavour = nodePath): boolean {
  return (
    isInside(root, candidate, path) &&
    path.relative(path.resolve(root), path.resolve(candidate)) !== ''
  )
}
