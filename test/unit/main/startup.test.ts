import { describe, expect, it } from 'vitest'
import { describeStartupFailure } from '../../../src/main/desktop/startup-failure'
import { runStartup } from '../../../src/main/startup'

// A failed start shows the reason and what to do, then exits: never a windowless
// process that the single-instance lock keeps alive.

function errorWith(code: string, message: string): Error {
  return Object.assign(new Error(message), { code })
}

describe('start-up failures', () => {
  it('shows a native error dialog with the reason, then exits with 1', async () => {
    const boxes: [string, string][] = []
    const exits: number[] = []
    const failure = await runStartup({
      app: {
        exit: (code?: number) => exits.push(code ?? 0),
        getLocale: () => 'en-GB',
        getPath: () => '/home/me/.config/Songshelf'
      },
      dialog: { showErrorBox: (title, message) => boxes.push([title, message]) },
      start: async () => {
        throw errorWith('EACCES', "EACCES: permission denied, open '/home/me/.config/Songshelf'")
      },
      log: () => undefined
    })
    expect(failure?.kind).toBe('data_dir')
    expect(exits).toEqual([1])
    expect(boxes).toHaveLength(1)
    expect(boxes[0]![0]).toBe('Songshelf cannot start')
    expect(boxes[0]![1]).toContain('/home/me/.config/Songshelf')
    expect(boxes[0]![1]).toContain('permission denied')
  })

  it('does nothing more when the start succeeds', async () => {
    const exits: number[] = []
    const failure = await runStartup({
      app: {
        exit: (code?: number) => exits.push(code ?? 0),
        getLocale: () => 'en',
        getPath: () => '/'
      },
      dialog: { showErrorBox: () => undefined },
      start: async () => 'ok'
    })
    expect(failure).toBeNull()
    expect(exits).toEqual([])
  })

  it('names each cause and what to do, in English and Chinese', () => {
    const ctx = { dataDir: '/data', locale: 'en-US' }
    const cases: [unknown, string, string][] = [
      [
        errorWith('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: node:sqlite'),
        'no_sqlite',
        'Reinstall'
      ],
      [
        errorWith('ERR_SQLITE_ERROR', 'database disk image is malformed'),
        'index_damaged',
        'library.sqlite'
      ],
      [errorWith('ERR_SQLITE_ERROR', 'file is not a database'), 'index_damaged', 'rebuilds'],
      [errorWith('EROFS', 'read-only file system'), 'data_dir', 'disk is not full'],
      [
        errorWith('data_dir_in_library', 'The index cannot be kept inside'),
        'data_dir_in_library',
        'outside'
      ],
      [new Error('boom'), 'unknown', 'report it']
    ]
    for (const [error, kind, hint] of cases) {
      const failure = describeStartupFailure(error, ctx)
      expect(failure.kind, kind).toBe(kind)
      expect(failure.message, kind).toContain(hint)
    }
    const zh = describeStartupFailure(errorWith('EACCES', 'denied'), {
      dataDir: '/d',
      locale: 'zh-CN'
    })
    expect(zh.title).toBe('Songshelf 无法启动')
    expect(zh.message).toContain('数据文件夹')
  })
})
