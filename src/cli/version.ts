import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** The app version from package.json. The built code may sit in out/main or in
 * out/main/chunks, so look upwards for our own package.json. */
export function readPackageVersion(): string {
  let dir = __dirname
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string
        version?: string
      }
      if (pkg.name === 'songshelf' && pkg.version) return pkg.version
    } catch {
      // not here; look one level up
    }
    dir = dirname(dir)
  }
  return '0.0.0'
}
