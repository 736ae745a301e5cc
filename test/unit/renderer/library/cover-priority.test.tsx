import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Cover } from '../../../../src/renderer/src/elements/Cover'

// The list's covers load at low priority: in the web preview they share six HTTP/1.1
// connections with the calls that bring the rows (web-transport.ts sends those at high),
// and a cover arriving late costs less than rows arriving late (issue 14 §2).

afterEach(cleanup)

describe('cover images', () => {
  it('a lazy (list) cover is fetched at low priority, an eager one at the default', () => {
    const { container } = render(
      <>
        <Cover src="/media/clip/a/cover" />
        <Cover src="/media/clip/b/cover" eager />
      </>
    )
    const [lazy, eager] = [...container.querySelectorAll('img')]
    expect(lazy?.getAttribute('loading')).toBe('lazy')
    expect(lazy?.getAttribute('fetchpriority')).toBe('low')
    expect(eager?.getAttribute('loading')).toBe('eager')
    expect(eager?.hasAttribute('fetchpriority')).toBe(false)
  })
})
