import { describe, expect, it } from 'vitest'
import { navCollapsed } from '../../../../src/renderer/src/features/layout/nav-collapse'
import {
  MIN_PANEL_WIDTH,
  clampBounds,
  readBounds
} from '../../../../src/renderer/src/features/player/video-geometry'

describe('the video panel stays inside the window', () => {
  const view = { width: 900, height: 700 }

  it('keeps bounds that fit', () => {
    expect(clampBounds({ x: 100, y: 50, width: 400 }, view, 300)).toEqual({
      x: 100,
      y: 50,
      width: 400
    })
  })

  it('moves a panel from a bigger window back inside, bottom and right edges included', () => {
    expect(clampBounds({ x: 1500, y: 900, width: 500 }, view, 320)).toEqual({
      x: 900 - 500 - 8,
      y: 700 - 320 - 8,
      width: 500
    })
    expect(clampBounds({ x: -40, y: -10, width: 500 }, view, 320)).toEqual({
      x: 8,
      y: 8,
      width: 500
    })
  })

  it('never narrower than the minimum, never wider than the window', () => {
    expect(clampBounds({ x: 0, y: 0, width: 20 }, view, 200).width).toBe(MIN_PANEL_WIDTH)
    expect(clampBounds({ x: 0, y: 0, width: 5000 }, view, 200).width).toBe(900 - 16)
  })

  it('reads only well-formed stored bounds', () => {
    expect(readBounds('{"x":1,"y":2,"width":300}')).toEqual({ x: 1, y: 2, width: 300 })
    expect(readBounds('{"x":"1","y":2,"width":300}')).toBeNull()
    expect(readBounds('not json')).toBeNull()
    expect(readBounds(null)).toBeNull()
  })
})

describe('the navigation rail', () => {
  it('follows the width unless the user chose', () => {
    expect(navCollapsed('auto', true)).toBe(true)
    expect(navCollapsed('auto', false)).toBe(false)
    expect(navCollapsed('expanded', true)).toBe(false)
    expect(navCollapsed('collapsed', false)).toBe(true)
  })
})
