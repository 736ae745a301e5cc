import { afterEach, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { dispatch } from '../../../../src/main/core/app/dispatch'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import type { Host } from '../../../../src/main/core/app/host'
import { parseExternalUrl } from '../../../../src/shared/external-url'
import { tempLibrary } from '../../../support/cli-harness'

// The shell's navigation hooks and the openExternal handler share one link rule, so a
// link the window may not open cannot be opened through the bridge either.

let core: SongshelfCore | null = null
afterEach(async () => {
  await core?.stop()
  core = null
})

const urls = [
  'https://example.com/docs',
  'http://example.com/',
  'mailto:someone@example.com',
  'https://user:pass@example.com/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'songshelf-media://clip/x/audio'
]

describe('links that leave the app', () => {
  it('the openExternal handler opens exactly what the shell would open', async () => {
    const opened: string[] = []
    const host: Host = {
      ...createHeadlessHost({ transport: 'cli', version: '0.0.0', ...tempLibrary() }),
      openExternal: async (url: string) => void opened.push(url)
    }
    core = createSongshelfCore(host)
    for (const url of urls) {
      const answer = await dispatch(core.handlers, 'openExternal', { url })
      expect(answer.ok, url).toBe(parseExternalUrl(url) !== null)
    }
    expect(opened).toEqual(['https://example.com/docs'])
    expect(parseExternalUrl('mailto:someone@example.com')).toBeNull()
  })
})
