import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

// The layers of DESIGN.md "Shape" are lint errors: each forbidden direction is linted
// through the project's own eslint.config.mjs (ESLint's Node API, `lintText` with the
// file path the import would come from) and must fail; the allowed ones must pass, so a
// rule that blocked everything would fail here too.

const ROOT = resolve(import.meta.dirname, '../../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT })
})

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) })
  return (result?.messages ?? [])
    .filter((m) =>
      ['songshelf/layering', 'no-restricted-imports', 'no-restricted-syntax'].includes(
        m.ruleId ?? ''
      )
    )
    .map((m) => m.message)
}

const forbidden: [string, string, string][] = [
  [
    'core → shell settings',
    'src/main/core/probe/leak.ts',
    "import '../../settings/settings-store'"
  ],
  ['core → shell ipc', 'src/main/core/probe/leak.ts', "export * from '../../ipc/register'"],
  ['core → shell root file', 'src/main/core/app/leak.ts', "import { x } from '../../security'"],
  ['core → renderer', 'src/main/core/leak.ts', "import '../../renderer/src/lib/bridge'"],
  ['core → cli', 'src/main/core/leak.ts', "const m = import('../../cli/main')"],
  ['shared → core', 'src/shared/leak.ts', "import '../main/core/app/create-core'"],
  ['shared → shell', 'src/shared/leak.ts', "export { x } from '../main/settings/settings-store'"],
  ['shared → renderer', 'src/shared/leak.ts', "import '../renderer/src/store/app-store'"],
  ['shared → node built-in', 'src/shared/leak.ts', "import { join } from 'node:path'"],
  ['renderer → main', 'src/renderer/src/lib/leak.ts', "import '../../../main/core/media'"],
  ['renderer → preload', 'src/renderer/src/App2.tsx', "import '../../preload/index'"],
  ['renderer → node built-in', 'src/renderer/src/leak.ts', "import 'node:fs'"],
  ['store → feature', 'src/renderer/src/store/leak.ts', "import '../features/library/play'"],
  [
    'store → the media element registry',
    'src/renderer/src/store/player-leak.ts',
    "import { activeMediaElement } from '../features/player/media-element'"
  ],
  [
    'player store → the DOM',
    'src/renderer/src/store/player-leak.ts',
    "export const a = document.querySelector('audio')"
  ],
  [
    'player store → a media element',
    'src/renderer/src/store/player-leak.ts',
    'export let a: HTMLMediaElement | null = null'
  ],
  ['preload → core', 'src/preload/leak.ts', "import '../main/core/app/dispatch'"],
  ['cli → shell', 'src/cli/leak.ts', "import type { X } from '../main/settings/key-vault'"],
  ['preview → shell (not the CSP)', 'src/preview/leak.ts', "import '../main/shell'"]
]

const allowed: [string, string, string][] = [
  ['core → shared', 'src/main/core/library/ok.ts', "import '../../../shared/domain'"],
  ['core → core', 'src/main/core/library/ok.ts', "import '../media-types'"],
  ['shell → core', 'src/main/ok.ts', "import './core/app/create-core'"],
  [
    'renderer feature → store',
    'src/renderer/src/features/x/ok.ts',
    "import '../../store/app-store'"
  ],
  ['store → lib', 'src/renderer/src/store/ok.ts', "import '../lib/bridge'"],
  [
    'the player feature → its media element',
    'src/renderer/src/features/player/ok.ts',
    "export const a = document.querySelector('audio') as HTMLMediaElement | null"
  ],
  ['renderer → shared', 'src/renderer/src/ok.ts', "import '../../shared/contract'"],
  [
    'preview → the CSP',
    'src/preview/ok.ts',
    "import { CONTENT_SECURITY_POLICY } from '../main/security'"
  ],
  ['cli → core', 'src/cli/ok.ts', "import '../main/core/app/create-core'"]
]

describe('layering lint', () => {
  it.each(forbidden)('fails on %s', async (_name, file, code) => {
    expect((await layeringErrors(file, `${code}\n`)).length).toBeGreaterThan(0)
  })

  it.each(allowed)('passes %s', async (_name, file, code) => {
    expect(await layeringErrors(file, `${code}\n`)).toEqual([])
  })
})
