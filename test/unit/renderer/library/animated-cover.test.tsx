import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ClipDetailPanel } from '../../../../src/renderer/src/features/clip/ClipDetailPanel'
import { LibraryView } from '../../../../src/renderer/src/features/library/LibraryView'
import { useClipStore } from '../../../../src/renderer/src/store/clip-store'
import { installFakeLibrary, makeDetail, makeRow, setupLibraryTests } from './support'

// Issue 16: the animated cover plays as the grid card's hover preview and in the clip
// detail, only once it is in the library folder, and never under reduced motion.

setupLibraryTests()

const looping = makeRow(1, { id: 'loop-clip', title: 'Harbour Loop', hasVideoCover: true })
const still = makeRow(2, { id: 'still-clip', title: 'Harbour Still', hasVideoCover: false })

afterEach(() => {
  vi.unstubAllGlobals()
})

function reduceMotion(): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(prefers-reduced-motion: reduce)',
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined
  }))
}

async function cardArt(title: string): Promise<HTMLElement> {
  const cards = await screen.findAllByTestId('clip-card')
  const card = cards.find((c) => c.textContent?.includes(title))
  const art = card?.querySelector('.card-art')
  if (!(art instanceof HTMLElement)) throw new Error(`no card for ${title}`)
  return art
}

async function showGrid(): Promise<void> {
  installFakeLibrary([looping, still], [makeDetail(looping), makeDetail(still)])
  render(<LibraryView />)
  await screen.findAllByTestId('clip-row')
  fireEvent.click(screen.getByRole('button', { name: 'Covers' }))
}

describe('the animated cover', () => {
  it('plays muted and looping over a grid card while the pointer is on it', async () => {
    await showGrid()
    const art = await cardArt('Harbour Loop')
    expect(within(art).queryByTestId('animated-cover')).toBeNull()
    fireEvent.mouseEnter(art)
    const video = within(art).getByTestId('animated-cover') as HTMLVideoElement
    expect(video.getAttribute('src')).toMatch(/loop-clip\/video_cover$/)
    expect(video.muted).toBe(true)
    expect(video.loop).toBe(true)
    expect(video.controls).toBe(false)
    expect(video.getAttribute('aria-hidden')).toBe('true')
    fireEvent.mouseLeave(art)
    expect(within(art).queryByTestId('animated-cover')).toBeNull()
  })

  it('is not shown for a clip that has none on disk', async () => {
    await showGrid()
    const art = await cardArt('Harbour Still')
    fireEvent.mouseEnter(art)
    expect(within(art).queryByTestId('animated-cover')).toBeNull()
  })

  it('stays still under reduced motion, in the grid and in the detail', async () => {
    reduceMotion()
    await showGrid()
    const art = await cardArt('Harbour Loop')
    fireEvent.mouseEnter(art)
    expect(within(art).queryByTestId('animated-cover')).toBeNull()
    cleanup()

    await useClipStore.getState().actions.open('loop-clip')
    render(<ClipDetailPanel />)
    const panel = await screen.findByTestId('clip-detail')
    expect(within(panel).queryByTestId('animated-cover')).toBeNull()
    expect(panel.querySelector('img.clip-cover')).not.toBeNull()
  })

  it('replaces the still cover in the clip detail, with the still one as its poster', async () => {
    installFakeLibrary([looping, still], [makeDetail(looping), makeDetail(still)])
    await useClipStore.getState().actions.open('loop-clip')
    const { unmount } = render(<ClipDetailPanel />)
    const video = within(await screen.findByTestId('clip-detail')).getByTestId(
      'animated-cover'
    ) as HTMLVideoElement
    expect(video.getAttribute('src')).toMatch(/loop-clip\/video_cover$/)
    expect(video.getAttribute('poster')).toMatch(/loop-clip\/cover$/)
    expect(video.autoplay && video.muted && video.loop).toBe(true)
    unmount()

    await useClipStore.getState().actions.open('still-clip')
    render(<ClipDetailPanel />)
    expect(within(screen.getByTestId('clip-detail')).queryByTestId('animated-cover')).toBeNull()
  })
})
