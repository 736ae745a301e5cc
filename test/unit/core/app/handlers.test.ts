import { afterEach, describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../../../../src/shared/channels'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { dispatch } from '../../../../src/main/core/app/dispatch'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import { tempLibrary } from '../../../support/cli-harness'

let core: SongshelfCore | null = null
afterEach(async () => {
  await core?.stop()
  core = null
})

function open(): SongshelfCore {
  const host = createHeadlessHost({ transport: 'web-preview', version: '1.2.3', ...tempLibrary() })
  core = createSongshelfCore(host)
  return core
}

describe('the core behind the bridge', () => {
  it('has a real handler for every contract method, and nothing else', () => {
    const { handlers } = open()
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort())
    for (const name of METHOD_NAMES) expect(typeof handlers[name]).toBe('function')
  })

  it('adds pasted ids once, reports known and near-miss ones, and lists them as waiting', async () => {
    const c = open()
    const text = 'ok: 0b7c1f5e-8a11-4f2a-9d3e-1c2b3a4d5e6f, cut: 0b7c1f5e-8a11-4f2a'
    expect(await dispatch(c.handlers, 'addTasks', { text })).toEqual({
      ok: true,
      value: {
        added: ['0b7c1f5e-8a11-4f2a-9d3e-1c2b3a4d5e6f'],
        known: [],
        invalid: ['0b7c1f5e-8a11-4f2a']
      }
    })
    const again = await dispatch(c.handlers, 'addTasks', { text })
    expect(again).toMatchObject({
      ok: true,
      value: { added: [], known: ['0b7c1f5e-8a11-4f2a-9d3e-1c2b3a4d5e6f'] }
    })
    const tasks = await dispatch(c.handlers, 'listTasks', undefined)
    expect(tasks).toMatchObject({ ok: true, value: [{ phase: 'waiting', state: 'pending' }] })
  })

  it('refuses a plain-http gateway that is not on this computer, in plain words', async () => {
    const c = open()
    const result = await dispatch(c.handlers, 'updateSettings', {
      baseUrl: 'http://gateway.example.com'
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_base_url' } })
    const ok = await dispatch(c.handlers, 'updateSettings', {
      baseUrl: 'https://gateway.example.com/'
    })
    expect(ok).toMatchObject({ ok: true, value: { baseUrl: 'https://gateway.example.com' } })
  })

  it('tells the renderer whether a key is set, never the key', async () => {
    const c = open()
    const set = await dispatch(c.handlers, 'setApiKey', { key: 'sk-very-secret-1' })
    expect(JSON.stringify(set)).not.toContain('sk-very-secret-1')
    expect(set).toMatchObject({ ok: true, value: { hasKey: true, keyProtection: 'memory' } })
  })

  it('says which transport it runs in: the CLI is not reported as the web preview', async () => {
    core = createSongshelfCore(
      createHeadlessHost({ transport: 'cli', version: '1.2.3', ...tempLibrary() })
    )
    expect(await dispatch(core.handlers, 'getAppInfo', null)).toMatchObject({
      ok: true,
      value: { transport: 'cli' }
    })
  })

  it('answers an unknown method with a code, not a throw', async () => {
    const c = open()
    expect(await dispatch(c.handlers, 'constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' }
    })
    expect(await dispatch(c.handlers, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' }
    })
  })
})
