import { describe, expect, it } from 'vitest'
import { DeadBufferSweeper, YOUNG_GC_EVERY_BYTES } from '../../../../src/main/core/sync/young-gc'

// Issue 14 §4: dead socket buffers of a download wait for V8 until its external-memory
// limit; the sweeper collects the young generation every few MiB instead. The memory
// that dead buffers hold outside the JS heap (`arrayBuffers`) shows whether it ran.

const MiB = 1024 * 1024

/** Buffers like a socket's reads: each its own backing store, dropped at once. */
function churn(count: number): number {
  let sum = 0
  for (let i = 0; i < count; i++) sum += Buffer.alloc(MiB, i)[0] ?? 0
  return sum
}

describe('DeadBufferSweeper', () => {
  it('frees dead buffers once enough bytes have passed, and not before', () => {
    const sweeper = new DeadBufferSweeper()
    churn(24)
    const before = process.memoryUsage().arrayBuffers
    sweeper.passed(YOUNG_GC_EVERY_BYTES - 1)
    expect(process.memoryUsage().arrayBuffers).toBeGreaterThanOrEqual(before - MiB)
    sweeper.passed(1)
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(before - 16 * MiB)
  })
})
