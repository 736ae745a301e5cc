import { Readable } from 'node:stream'
import { describe, expect, it, vi } from 'vitest'
import { toWebStream } from '../../../src/main/core/media-stream'

// The Node → web stream adapter behind every media response (RELIABILITY.md B4, B5;
// nodejs/node#54205).

/** An endless source that counts how often it was asked for more. */
function endless(): { source: Readable; reads: () => number } {
  let reads = 0
  const source = new Readable({
    highWaterMark: 1024,
    // Asynchronous like a file read, so a runaway source cannot starve the test's timers.
    read() {
      reads++
      setImmediate(() => this.push(Buffer.alloc(1024, reads % 256)))
    }
  })
  return { source, reads: () => reads }
}

describe('toWebStream', () => {
  it('destroys the source (closing its fd) when the consumer cancels', async () => {
    const { source } = endless()
    const reader = toWebStream(source, Number.POSITIVE_INFINITY).getReader()
    await reader.read()
    await reader.cancel()
    expect(source.destroyed).toBe(true)
  })

  it('stops reading the source while the consumer does not read (bounded memory)', async () => {
    const { source, reads } = endless()
    const reader = toWebStream(source, Number.POSITIVE_INFINITY).getReader()
    for (let i = 0; i < 3; i++) await reader.read()
    await vi.waitFor(() => expect(source.isPaused()).toBe(true))
    const settled = reads()
    // Give the event loop a full turn; a flowing source would keep reading meanwhile.
    await new Promise<void>((resolve) => setImmediate(resolve))
    expect(reads()).toBe(settled)
    expect(settled).toBeLessThan(20)
    await reader.cancel()
  })

  it('delivers every byte and closes once', async () => {
    const chunks = [Buffer.from('abc'), Buffer.from('defg')]
    const source = Readable.from(chunks)
    const got = Buffer.from(await new Response(toWebStream(source, 7)).arrayBuffer())
    expect(got.toString()).toBe('abcdefg')
  })

  it('errors, without naming the file, when fewer bytes arrive than promised', async () => {
    const source = Readable.from([Buffer.from('abc')])
    const reading = new Response(toWebStream(source, 10)).arrayBuffer()
    await expect(reading).rejects.toThrow()
  })

  it('passes a source error on as a plain one', async () => {
    const source = new Readable({ read() {} })
    const reader = toWebStream(source, 100).getReader()
    source.destroy(
      Object.assign(new Error("EIO: i/o error, read '/home/me/Music/x.mp3'"), { code: 'EIO' })
    )
    const failure = await reader.read().then(
      () => null,
      (error: unknown) => error
    )
    expect(failure).toBeInstanceOf(Error)
    expect((failure as Error).message).toBe('media read failed')
  })
})
