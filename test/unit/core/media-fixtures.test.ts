import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The committed fixtures (scripts/make-fixtures.sh) keep the properties the seek tests
// rely on. If someone regenerates them with `+faststart`, the E2E seek test would pass
// without proving anything (RELIABILITY.md B2), so this fails first.

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url))

/** Top-level ISO-BMFF boxes in file order. */
function topLevelBoxes(data: Buffer): string[] {
  const boxes: string[] = []
  let at = 0
  while (at + 8 <= data.length) {
    let size = data.readUInt32BE(at)
    const type = data.toString('latin1', at + 4, at + 8)
    if (size === 1) size = Number(data.readBigUInt64BE(at + 8))
    if (size === 0) size = data.length - at
    if (size < 8) throw new Error(`bad box size at ${at}`)
    boxes.push(type)
    at += size
  }
  expect(at).toBe(data.length)
  return boxes
}

describe('media fixtures', () => {
  it('seek.mp4 has its moov atom after mdat (not faststart)', () => {
    const boxes = topLevelBoxes(readFileSync(join(FIXTURES, 'seek.mp4')))
    expect(boxes[0]).toBe('ftyp')
    expect(boxes.indexOf('mdat')).toBeGreaterThan(0)
    expect(boxes.indexOf('moov')).toBeGreaterThan(boxes.indexOf('mdat'))
  })

  it('tiny.mp4 is a well-formed mp4 as well', () => {
    expect(topLevelBoxes(readFileSync(join(FIXTURES, 'tiny.mp4')))).toEqual(
      expect.arrayContaining(['ftyp', 'moov', 'mdat'])
    )
  })

  it.each([
    ['tiny.mp3', 20_000],
    ['long.mp3', 400_000],
    ['tiny.mp4', 60_000],
    ['seek.mp4', 1_500_000],
    ['cover-loop.mp4', 20_000],
    ['cover.jpg', 30_000],
    ['cover.png', 5_000],
    ['cover.webp', 5_000]
  ])('%s stays small (≤ %i bytes)', (name, limit) => {
    const size = statSync(join(FIXTURES, name)).size
    expect(size).toBeGreaterThan(0)
    expect(size).toBeLessThanOrEqual(limit)
  })
})
