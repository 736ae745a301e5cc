import { afterEach, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { dispatch } from '../../../../src/main/core/app/dispatch'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import { METHOD_NAMES } from '../../../../src/shared/channels'
import { parseExternalUrl } from '../../../../src/shared/external-url'
import { tempLibrary } from '../../../support/cli-harness'

// Links leave the app only through the shell's navigation and window.open hooks
// (security.ts), by the one rule in shared/external-url.ts. The bridge used to carry an
// openExternal method no renderer code called: a second door on the untrusted edge. It is
// gone, so the renderer has no way to open a link but the hooks the shell checks.

let core: SongshelfCore | null = null
afterEach(async () => {
  await core?.stop()
  core = null
})

describe('links that leave the app', () => {
  it('cannot be opened through the bridge', async () => {
    core = createSongshelfCore(
      createHeadlessHost({ transport: 'cli', version: '0.0.0', ...tempLibrary() })
    )
    const answer = await dispatch(core.handlers, 'openExternal', { url: 'https://example.com/' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(METHOD_NAMES).not.toContain('openExternal')
  })

  it('are plain https without credentials, never mailto, file: or a custom scheme', () => {
    const opened = [
      'https://example.com/docs',
      'http://example.com/',
      'mailto:someone@example.com',
      'https://user:pass@example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'songshelf-media://clip/x/audio'
    ].filter((url) => parseExternalUrl(url) !== null)
    expect(opened).toEqual(['https://example.com/docs'])
  })
})
