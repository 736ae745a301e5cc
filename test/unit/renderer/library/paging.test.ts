import { describe, expect, it } from 'vitest'
import {
  indexOfClip,
  loadedWindowAround,
  offsetsToEvict,
  offsetsToFetch,
  pageOffsetsFor,
  rowAt,
  type PageCache
} from '../../../../src/renderer/src/store/library-paging'
import { makeRow } from './support'

function pagesOf(offsets: number[], size = 200): Map<number, ReturnType<typeof makeRow>[]> {
  return new Map(
    offsets.map((offset) => [offset, Array.from({ length: size }, (_, i) => makeRow(offset + i))])
  )
}

describe('which pages the visible range needs', () => {
  it('the top of the list needs the first page only', () => {
    expect(pageOffsetsFor({ start: 0, end: 20 }, 100_000)).toEqual([0])
  })

  it('fetches the next page before the user reaches it', () => {
    expect(pageOffsetsFor({ start: 80, end: 110 }, 100_000)).toEqual([0, 200])
  })

  it('a jump to the end of 100 000 rows needs only the last pages, not everything between', () => {
    expect(pageOffsetsFor({ start: 99_980, end: 99_999 }, 100_000)).toEqual([99_800])
    expect(pageOffsetsFor({ start: 50_000, end: 50_030 }, 100_000)).toEqual([49_800, 50_000])
  })

  it('never asks past the end of the list or for an empty one', () => {
    expect(pageOffsetsFor({ start: 0, end: 50 }, 30)).toEqual([0])
    expect(pageOffsetsFor({ start: 0, end: 50 }, 0)).toEqual([])
  })

  it('skips pages that are cached or in flight, nearest to the screen first', () => {
    expect(offsetsToFetch({ start: 310, end: 350 }, 10_000, [200, 400], [])).toEqual([])
    expect(offsetsToFetch({ start: 380, end: 420 }, 10_000, [], [200])).toEqual([400])
    expect(offsetsToFetch({ start: 380, end: 420 }, 10_000, [], [])).toEqual([200, 400])
    expect(offsetsToFetch({ start: 410, end: 450 }, 10_000, [], [])).toEqual([400, 200])
  })

  it('drops pages far from the visible range and keeps the neighbourhood', () => {
    const loaded = [0, 200, 1000, 2000, 2200, 5000]
    expect(offsetsToEvict({ start: 2100, end: 2140 }, loaded).sort((a, b) => a - b)).toEqual([
      0, 200, 5000
    ])
  })
})

describe('reading rows out of the page cache', () => {
  const pages: PageCache = pagesOf([0, 200, 600])

  it('finds a row by index, and nothing where the page is not loaded', () => {
    expect(rowAt(pages, 0)?.id).toBe('clip-00000')
    expect(rowAt(pages, 250)?.id).toBe('clip-00250')
    expect(rowAt(pages, 450)).toBeUndefined()
    expect(indexOfClip(pages, 'clip-00650')).toBe(650)
    expect(indexOfClip(pages, 'nope')).toBe(-1)
  })

  it('"play from here" takes the loaded rows around the clicked one, stopping at a gap', () => {
    const { rows, startIndex } = loadedWindowAround(pages, 390, 500)
    expect(rows[startIndex]?.id).toBe('clip-00390')
    expect(rows[0]?.id).toBe('clip-00140')
    expect(rows.at(-1)?.id).toBe('clip-00399')
    expect(loadedWindowAround(pages, 10, 6)).toMatchObject({ startIndex: 3 })
    expect(loadedWindowAround(pages, 450).rows).toEqual([])
  })
})
