import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import i18next from 'i18next'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { ClipDetailPanel } from '../../../../src/renderer/src/features/clip/ClipDetailPanel'
import { LibraryView } from '../../../../src/renderer/src/features/library/LibraryView'
import { useClipStore } from '../../../../src/renderer/src/store/clip-store'
import { usePlayerStore } from '../../../../src/renderer/src/store/player-store'
import { installFakeLibrary, makeDetail, makeRow, setupLibraryTests } from '../library/support'

setupLibraryTests()

const parent = makeRow(1, { id: 'parent-clip', title: 'City Lights', taskId: 'task-a' })
const sibling = makeRow(2, { id: 'sibling-clip', title: 'City Lights (alt)', taskId: 'task-b' })
const child = makeRow(3, { id: 'child-clip', title: 'City Lights, extended', taskId: 'task-c' })
const clip = makeRow(4, {
  id: 'the-clip',
  title: 'City Lights, part two',
  taskId: 'task-b',
  hasVideo: true,
  favorite: false,
  userTags: ['night']
})

function setup(): ReturnType<typeof installFakeLibrary> {
  return installFakeLibrary(
    [parent, sibling, child, clip],
    [
      makeDetail(clip, {
        lyrics: '[Verse]\nNeon on the water\n\n[Chorus]\nCity lights',
        descriptionPrompt: 'a dreamy synthwave song about a night drive',
        majorModelVersion: 'v4',
        continueClipId: 'parent-clip',
        continueAt: 83,
        parent: { id: 'parent-clip', title: 'City Lights' },
        extendedBy: [{ id: 'child-clip', title: 'City Lights, extended' }],
        siblings: [{ id: 'sibling-clip', title: 'City Lights (alt)' }],
        files: [
          { kind: 'audio', state: 'done', path: '/m/a.mp3', bytes: 3_400_000, error: null },
          {
            kind: 'video',
            state: 'failed',
            path: null,
            bytes: null,
            error: 'The link has expired.'
          }
        ]
      })
    ]
  )
}

describe('the clip detail panel', () => {
  it('lays the lyrics out by section and shows the prompt, facts and files', async () => {
    setup()
    await useClipStore.getState().actions.open('the-clip')
    render(<ClipDetailPanel />)
    const panel = screen.getByTestId('clip-detail')
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe(
      'City Lights, part two'
    )
    const lyrics = screen.getByTestId('clip-lyrics')
    expect(
      within(lyrics)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent)
    ).toEqual(['Verse', 'Chorus'])
    expect(lyrics.textContent).toContain('Neon on the water')
    expect(panel.textContent).toContain('a dreamy synthwave song about a night drive')
    expect(panel.textContent).toContain('v3.5 (chirp-v3-5)')
    const files = screen.getByTestId('clip-files')
    expect(files.textContent).toContain('3.4 MB')
    expect(files.textContent).toContain('The link has expired.')
  })

  it('shows the lineage and opens the parent, child or sibling clip', async () => {
    setup()
    await useClipStore.getState().actions.open('the-clip')
    render(<ClipDetailPanel />)
    const lineage = screen.getByTestId('clip-lineage')
    // Each linked clip carries its take (here its short id: the take is unknown).
    expect(lineage.textContent).toContain('Extends City Lights #parentcl at 1:23')
    expect(lineage.textContent).toContain('Extended by')
    expect(lineage.textContent).toContain('Same generation')
    fireEvent.click(within(lineage).getByRole('button', { name: 'City Lights (alt) #siblingc' }))
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('City Lights (alt)')
    )
    expect(useClipStore.getState().openId).toBe('sibling-clip')
  })

  it('tells the two takes of an extend apart in "Extended by" and under the title (issue 13)', async () => {
    const takeA = makeRow(5, { id: 'ext-a', title: 'City Lights (Extended)', take: 1, takes: 2 })
    const takeB = makeRow(6, { id: 'ext-b', title: 'City Lights (Extended)', take: 2, takes: 2 })
    installFakeLibrary(
      [parent, takeA, takeB],
      [
        makeDetail(
          { ...parent, take: 1, takes: 2 },
          {
            extendedBy: [
              { id: 'ext-a', title: 'City Lights (Extended)', take: 1, takes: 2 },
              { id: 'ext-b', title: 'City Lights (Extended)', take: 2, takes: 2 }
            ]
          }
        ),
        makeDetail(takeB)
      ]
    )
    await useClipStore.getState().actions.open('parent-clip')
    render(<ClipDetailPanel />)
    expect(screen.getByTestId('clip-take').textContent).toBe('take 1/2')
    const lineage = screen.getByTestId('clip-lineage')
    const links = within(lineage).getAllByRole('button')
    expect(links.map((link) => link.textContent)).toEqual([
      'City Lights (Extended) take 1/2',
      'City Lights (Extended) take 2/2'
    ])
    fireEvent.click(links[1] as HTMLElement)
    await waitFor(() => expect(useClipStore.getState().openId).toBe('ext-b'))
  })

  it('shows upstream lineage edges in plain words, in English and Chinese', async () => {
    const remaster = makeRow(10, { id: 'remaster', title: 'Harbour Remaster' })
    installFakeLibrary(
      [parent, remaster],
      [
        makeDetail(remaster, {
          lineage: [
            { kind: 'remaster', clipId: 'parent-clip', atSec: null, title: 'City Lights' },
            { kind: 'cover', clipId: 'gone-cover', atSec: null, title: null },
            { kind: 'stem', clipId: 'gone-stem', atSec: null, title: null },
            { kind: 'extend', clipId: 'gone-ext', atSec: 83, title: null }
          ]
        })
      ]
    )
    await useClipStore.getState().actions.open('remaster')
    render(<ClipDetailPanel />)
    const edges = screen.getByTestId('clip-lineage-edges')
    expect([...edges.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Remaster of City Lights',
      'Cover of gone-cover',
      'Stem of gone-stem',
      'Extended from gone-ext at 1:23'
    ])
    fireEvent.click(within(edges).getByRole('button', { name: 'City Lights' }))
    await waitFor(() => expect(useClipStore.getState().openId).toBe('parent-clip'))
    await i18next.changeLanguage('zh-CN')
    onTestFinished(() => void i18next.changeLanguage('en'))
    await useClipStore.getState().actions.open('remaster')
    await waitFor(() =>
      expect(screen.getByTestId('clip-lineage-edges').textContent).toContain('重制自 City Lights')
    )
    expect(screen.getByTestId('clip-lineage-edges').textContent).toContain(
      '延长自 gone-ext 于 1:23 处'
    )
  })

  it('a parent that is not in the library is named by id', async () => {
    const orphan = makeRow(9, { id: 'orphan' })
    installFakeLibrary(
      [orphan],
      [makeDetail(orphan, { continueClipId: 'gone-123', continueAt: 30 })]
    )
    await useClipStore.getState().actions.open('orphan')
    render(<ClipDetailPanel />)
    expect(screen.getByTestId('clip-lineage').textContent).toContain(
      'Extends a clip that is not in your library (gone-123) at 0:30'
    )
  })

  it('actions: play, play video, favourite, copy prompt and style, reveal, export', async () => {
    const lib = setup()
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } })
    const player = usePlayerStore.getState().actions
    const playSource = vi.spyOn(player, 'playSource').mockResolvedValue(undefined)
    const playVideo = vi.spyOn(player, 'playVideo').mockResolvedValue(undefined)
    render(<LibraryView />)
    await screen.findAllByTestId('clip-row')
    await useClipStore.getState().actions.open('the-clip')
    const panel = await screen.findByTestId('clip-detail')
    await within(panel).findByRole('heading', { level: 2, name: 'City Lights, part two' })

    fireEvent.click(within(panel).getByRole('button', { name: 'Play' }))
    // The view plays by reference, from the clip (docs/QUEUE.md).
    expect(playSource.mock.calls[0]?.[0]).toMatchObject({ kind: 'library' })
    expect(playSource.mock.calls[0]?.[1]).toMatchObject({ clipId: 'the-clip' })
    fireEvent.click(within(panel).getByRole('button', { name: 'Play video' }))
    expect(playVideo.mock.calls[0]?.[0]).toMatchObject({ id: 'the-clip' })

    const favourite = within(panel).getByRole('button', { name: /Favourite/ })
    expect(favourite.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(favourite)
    await waitFor(() => expect(favourite.getAttribute('aria-pressed')).toBe('true'))
    expect(lib.fake.calls.find((c) => c.method === 'setFavorite')?.request).toEqual({
      ids: ['the-clip'],
      favorite: true
    })

    fireEvent.click(within(panel).getByRole('button', { name: 'Copy prompt' }))
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy style' }))
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2))
    expect(writeText.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      'a dreamy synthwave song about a night drive',
      'synthwave, female vocals'
    ])

    fireEvent.click(within(panel).getByRole('button', { name: 'Show in folder' }))
    fireEvent.click(within(panel).getByRole('button', { name: 'Export' }))
    await waitFor(() =>
      expect(lib.fake.calls.find((c) => c.method === 'exportPlaylist')?.request).toEqual({
        ids: ['the-clip'],
        name: 'City Lights, part two'
      })
    )
    expect(lib.fake.calls.find((c) => c.method === 'revealClip')?.request).toEqual({
      id: 'the-clip'
    })
    playSource.mockRestore()
    playVideo.mockRestore()
  })

  it('Escape closes the panel and a deleted clip says it is gone', async () => {
    setup()
    await useClipStore.getState().actions.open('the-clip')
    render(<ClipDetailPanel />)
    fireEvent.keyDown(screen.getByRole('heading', { level: 2 }), { key: 'Escape' })
    expect(useClipStore.getState().openId).toBeNull()
    await useClipStore.getState().actions.open('no-such-clip')
    expect(useClipStore.getState().error).toBe('missing')
  })
})
