import { afterEach, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { dispatch } from '../../../../src/main/core/app/dispatch'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import type { EventArgs } from '../../../../src/main/core/app/events'
import { tempLibrary } from '../../../support/cli-harness'

// The mini player's relay through the real core (issue 15): what crosses from one page to
// the other is parsed, bounded and relayed once; garbage never becomes an event.

let core: SongshelfCore | null = null
afterEach(async () => {
  await core?.stop()
  core = null
})

function open(): { core: SongshelfCore; heard: EventArgs[] } {
  const host = createHeadlessHost({ transport: 'web-preview', version: '1.2.3', ...tempLibrary() })
  core = createSongshelfCore(host)
  const heard: EventArgs[] = []
  core.events.subscribe((...args) => heard.push(args))
  return { core, heard }
}

const STATE = {
  clip: {
    id: 'a06015d0-1111-4222-8333-444455556666',
    title: 'City Lights',
    take: 2,
    takes: 2,
    hasCover: true
  },
  playing: true,
  position: 12.5,
  duration: 94,
  hasNext: true,
  hasPrevious: false
}

describe('the mini player relay', () => {
  it('relays a well-formed state and each command once, as events', async () => {
    const { core, heard } = open()
    expect(await dispatch(core.handlers, 'publishPlayerState', STATE)).toEqual({
      ok: true,
      value: { ok: true }
    })
    for (const command of [
      { command: 'toggle' },
      { command: 'next' },
      { command: 'previous' },
      { command: 'hello' },
      { command: 'seek', sec: 42.25 }
    ]) {
      expect(await dispatch(core.handlers, 'sendPlayerCommand', command)).toEqual({
        ok: true,
        value: { ok: true }
      })
    }
    const relayed = heard.filter(
      ([event]) => event === 'player-state' || event === 'player-command'
    )
    expect(relayed).toEqual([
      ['player-state', STATE],
      ['player-command', { command: 'toggle' }],
      ['player-command', { command: 'next' }],
      ['player-command', { command: 'previous' }],
      ['player-command', { command: 'hello' }],
      ['player-command', { command: 'seek', sec: 42.25 }]
    ])
  })

  it('rejects garbage with invalid_request and relays none of it', async () => {
    const { core, heard } = open()
    const states: unknown[] = [
      null,
      'playing',
      { ...STATE, position: -1 },
      { ...STATE, duration: Infinity },
      { ...STATE, position: Number.NaN },
      { ...STATE, duration: 86_401 },
      { ...STATE, playing: 'yes' },
      { ...STATE, extra: 1 },
      { ...STATE, clip: { ...STATE.clip, id: '../../etc/passwd' } },
      { ...STATE, clip: { ...STATE.clip, title: 'x'.repeat(1001) } },
      { ...STATE, clip: { ...STATE.clip, take: 'v2' } },
      { ...STATE, clip: { ...STATE.clip, takes: 0.5 } },
      { ...STATE, clip: { ...STATE.clip, script: '<img onerror=alert(1)>' } },
      JSON.parse(
        '{"clip":null,"playing":true,"position":0,"duration":0,"hasNext":false,"hasPrevious":false,"__proto__":{"polluted":1}}'
      )
    ]
    for (const payload of states) {
      const answer = await dispatch(core.handlers, 'publishPlayerState', payload)
      expect(answer, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' }
      })
    }
    const commands: unknown[] = [
      undefined,
      {},
      { command: 'eval', code: 'process.exit()' },
      { command: 'seek' },
      { command: 'seek', sec: -5 },
      { command: 'seek', sec: '10' },
      { command: 'seek', sec: 1e9 },
      { command: 'toggle', sec: 1 },
      ['toggle']
    ]
    for (const payload of commands) {
      const answer = await dispatch(core.handlers, 'sendPlayerCommand', payload)
      expect(answer, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' }
      })
    }
    expect(heard.filter(([event]) => event.startsWith('player-'))).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('says plainly that the window needs the desktop app where there is none', async () => {
    const { core } = open()
    expect(await dispatch(core.handlers, 'setMiniPlayer', { open: true })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' }
    })
    expect(await dispatch(core.handlers, 'setMiniPlayer', { open: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' }
    })
  })
})
