import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The app version from package.json (the built files sit in out/main, two levels down). */
export function readPackageVersion(): string {
  for (const candidate of [
    join(__dirname, '../../package.json'),
    join(__dirname, '../package.json')
  ]) {
    try {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'songshelf' && pkg.version) return pkg.version
    } catch {
      // try the next place
    }
  }
  return '0.0.0'
}
