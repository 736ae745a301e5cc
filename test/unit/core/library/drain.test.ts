import { describe, expect, it } from 'vitest'
import { createDrain } from '../../../../src/main/core/library/drain'
import type { Logger } from '../../../../src/main/core/library/types'

// The one drain loop of the finish and sidecar queues (library/drain.ts).

function logger(): Logger & { warned: unknown[][] } {
  const warned: unknown[][] = []
  return { warned, warn: (...args: unknown[]) => void warned.push(args) }
}

describe('createDrain', () => {
  it('starts on a later tick, takes items in order, and runs what arrives meanwhile', async () => {
    const pending = new Set<number>([1, 2])
    const done: number[] = []
    const log = logger()
    const drain = createDrain(
      pending,
      async (n) => {
        done.push(n)
        if (n === 1) pending.add(3)
      },
      { logger: log, message: 'failed', field: 'n' }
    )
    drain.kick()
    // Requests arrive inside write transactions: nothing runs before they commit.
    expect(done).toEqual([])
    await drain.idle()
    expect(done).toEqual([1, 2, 3])
    expect(pending.size).toBe(0)
    expect(drain.running).toBeNull()
  })

  it('logs a failure and goes on; an item asked for again during its work runs again', async () => {
    const pending = new Map<string, number>([
      ['a', 1],
      ['b', 2]
    ])
    const seen: string[] = []
    const log = logger()
    const drain = createDrain(
      pending,
      async (key, value) => {
        seen.push(`${key}${value}`)
        if (key === 'a' && value === 1) {
          pending.set('a', 9)
          throw new Error('disk full')
        }
      },
      { logger: log, message: 'Could not finish', field: 'key' }
    )
    drain.kick()
    await drain.idle()
    expect(seen).toEqual(['a1', 'b2', 'a9'])
    expect(log.warned).toEqual([['Could not finish', { key: 'a', error: 'disk full' }]])
  })

  it('starts again for work queued after the loop finished', async () => {
    const pending = new Set<number>()
    const done: number[] = []
    const drain = createDrain(pending, async (n) => void done.push(n), {
      logger: logger(),
      message: 'failed',
      field: 'n'
    })
    drain.kick()
    expect(drain.running).toBeNull()
    pending.add(5)
    drain.kick()
    await drain.idle()
    pending.add(6)
    drain.kick()
    await drain.idle()
    expect(done).toEqual([5, 6])
  })
})
