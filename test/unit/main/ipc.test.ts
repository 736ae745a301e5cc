import { describe, expect, it, vi } from 'vitest'
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import fc from 'fast-check'
import { channelOf, METHOD_NAMES } from '../../../src/shared/channels'
import { methods } from '../../../src/shared/contract'
import type { Handlers } from '../../../src/main/core/app/dispatch'
import { createSenderCheck, registerHandlers } from '../../../src/main/ipc/register'

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>

function fakeIpcMain(): { ipcMain: IpcMain; handlers: Map<string, Listener> } {
  const handlers = new Map<string, Listener>()
  const ipcMain = {
    handle: (channel: string, listener: Listener) => handlers.set(channel, listener),
    removeHandler: (channel: string) => handlers.delete(channel)
  } as unknown as IpcMain
  return { ipcMain, handlers }
}

const ours = { isDestroyed: () => false } as unknown as WebContents
const APP_URL = 'file:///app/out/renderer/index.html'

function event(
  options: { sender?: WebContents; url?: string; sub?: boolean } = {}
): IpcMainInvokeEvent {
  return {
    sender: options.sender ?? ours,
    senderFrame: { url: options.url ?? APP_URL, parent: options.sub ? {} : null }
  } as unknown as IpcMainInvokeEvent
}

function recordingHandlers(): { handlers: Handlers; calls: string[] } {
  const calls: string[] = []
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((name) => [
      name,
      async () => {
        calls.push(name)
        return { ok: true }
      }
    ])
  ) as unknown as Handlers
  return { handlers, calls }
}

describe('IPC registration', () => {
  const check = createSenderCheck(
    (c) => c === ours,
    (url) => url === APP_URL
  )

  it('registers exactly one handler per contract method, and the contract has a schema for each', () => {
    const { ipcMain, handlers } = fakeIpcMain()
    registerHandlers(ipcMain, recordingHandlers().handlers, check)
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort())
    expect(Object.keys(methods).sort()).toEqual([...METHOD_NAMES].sort())
    for (const name of METHOD_NAMES) expect(typeof methods[name].request.safeParse).toBe('function')
  })

  it('refuses calls from sub-frames, other windows and foreign pages before running anything', async () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const { handlers: impl, calls } = recordingHandlers()
    registerHandlers(ipcMain, impl, check)
    const listener = handlers.get(channelOf('getAppInfo'))!
    const other = { isDestroyed: () => false } as unknown as WebContents
    for (const bad of [
      event({ sub: true }),
      event({ sender: other }),
      event({ url: 'https://evil.test/' })
    ]) {
      expect(await listener(bad, undefined)).toEqual({
        ok: false,
        error: { code: 'forbidden_sender', message: 'Request refused.' }
      })
    }
    expect(calls).toEqual([])
    expect(await listener(event(), undefined)).toEqual({ ok: true, value: { ok: true } })
  })

  it('rejects garbage payloads with a code and never reaches the handler', async () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const { handlers: impl, calls } = recordingHandlers()
    registerHandlers(ipcMain, impl, check)
    const garbage = [
      { ids: 'not-an-array', favorite: true },
      { ids: ['../../etc/passwd'], favorite: true },
      JSON.parse('{"ids":["a"],"favorite":true,"__proto__":{"polluted":1}}'),
      { ids: ['a'.repeat(200)], favorite: true },
      { ids: new Array(6000).fill('a'), favorite: true },
      'x'.repeat(100_000),
      42
    ]
    for (const payload of garbage) {
      const result = (await handlers.get(channelOf('setFavorite'))!(event(), payload)) as {
        ok: boolean
        error?: { code: string }
      }
      expect(result.ok).toBe(false)
      expect(result.error?.code).toBe('invalid_request')
    }
    expect(calls).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('answers every method with data, whatever the payload', async () => {
    const { ipcMain, handlers } = fakeIpcMain()
    registerHandlers(ipcMain, recordingHandlers().handlers, check)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES), fc.anything(), async (name, payload) => {
        const result = (await handlers.get(channelOf(name))!(event(), payload)) as { ok: boolean }
        expect(typeof result.ok).toBe('boolean')
      }),
      { numRuns: 300 }
    )
  })

  it('removes its handlers when disposed', () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const dispose = registerHandlers(ipcMain, recordingHandlers().handlers, check)
    dispose()
    expect(handlers.size).toBe(0)
  })
})

describe('preload', () => {
  it('exposes exactly the contract as window.songshelf, with no raw ipcRenderer', async () => {
    const exposed: Record<string, unknown> = {}
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }))
    const listeners = new Map<string, (...args: unknown[]) => void>()
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: {
        invoke,
        on: (channel: string, l: (...args: unknown[]) => void) => listeners.set(channel, l),
        removeListener: (channel: string) => listeners.delete(channel)
      },
      webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` }
    }))
    await import('../../../src/preload/index')
    expect(Object.keys(exposed)).toEqual(['songshelf'])
    const api = exposed['songshelf'] as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'on', 'previewImportFiles'].sort())
    expect(Object.isFrozen(api)).toBe(true)
    for (const value of Object.values(api)) expect(typeof value).toBe('function')

    await (api['getClip'] as (r: unknown) => Promise<unknown>)({ id: 'abc' })
    expect(invoke).toHaveBeenCalledWith('songshelf:getClip', { id: 'abc' })
    // Dropped files reach main as paths resolved by webUtils, through the checked channel.
    await (api['previewImportFiles'] as (f: unknown[]) => Promise<unknown>)([
      { name: 'a.mp3' },
      { name: 'b.txt' }
    ])
    expect(invoke).toHaveBeenCalledWith('songshelf:previewImport', {
      paths: ['/dropped/a.mp3', '/dropped/b.txt']
    })

    const got: unknown[] = []
    const off = (api['on'] as (e: string, l: (p: unknown) => void) => () => void)(
      'sync-state',
      (p) => got.push(p)
    )
    listeners.get('songshelf:sync-state')!({ sender: 'secret' }, { status: 'idle' })
    expect(got).toEqual([{ status: 'idle' }])
    off()
    expect(listeners.has('songshelf:sync-state')).toBe(false)
    expect(() =>
      (api['on'] as (e: string, l: () => void) => void)('anything-else', () => undefined)
    ).toThrow()
    vi.doUnmock('electron')
  })
})
