import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { TaskRow } from '../../../../src/shared/domain'
import { TasksView } from '../../../../src/renderer/src/features/tasks/TasksView'
import { installFakeApi } from '../support/fake-api'
import { giveElementsASize, syncState, task, useRendererTestSetup } from '../player/helpers'

function rows(): TaskRow[] {
  return [
    task('task_waiting1', { phase: 'waiting', addedAt: Date.now() - 50_000 }),
    task('task_generating', { phase: 'generating', addedAt: Date.now() - 40_000 }),
    task('task_download1', {
      phase: 'downloading',
      state: 'succeeded',
      clipIds: ['clipA', 'clipB'],
      filesDone: 2,
      filesTotal: 6,
      addedAt: Date.now() - 30_000
    }),
    task('task_failed001', {
      phase: 'failed',
      state: 'failed',
      failReason: 'Your prompt was flagged by moderation.',
      addedAt: Date.now() - 20_000
    }),
    task('task_notfound1', {
      phase: 'not_found',
      state: 'not_found',
      addedAt: Date.now() - 10_000
    }),
    task('task_done0001', {
      phase: 'done',
      state: 'succeeded',
      clipIds: ['clipC', 'clipD'],
      filesDone: 5,
      filesTotal: 6,
      fileErrors: [{ clipId: 'clipD', kind: 'video', error: 'The video link expired.' }],
      addedAt: Date.now() - 5_000
    })
  ]
}

const item = (id: string): HTMLElement => {
  const found = screen.getAllByTestId('task-item').find((el) => el.dataset.taskId === id)
  if (!found) throw new Error(`no task ${id}`)
  return found
}

describe('the task list', () => {
  useRendererTestSetup()

  it('shows the text of a lyrics-only task instead of a song count', async () => {
    giveElementsASize()
    const lyrics = task('task_lyrics01', {
      phase: 'done',
      state: 'succeeded',
      lyrics: { title: 'Night Notes', text: '[Verse]\nQuiet streets' }
    })
    installFakeApi({ listTasks: () => [lyrics], getSyncState: () => syncState() })
    render(<TasksView />)
    await waitFor(() => expect(screen.getAllByTestId('task-item')).toHaveLength(1))
    expect(item('task_lyrics01').textContent).toContain('Finished: the lyrics are ready.')
    const block = within(item('task_lyrics01')).getByTestId('task-lyrics')
    expect(block.textContent).toContain('Night Notes')
    expect(block.textContent).toContain('Quiet streets')
  })

  it('shows each phase in plain words, with the failure reason and per-file errors', async () => {
    giveElementsASize()
    installFakeApi({ listTasks: rows, getSyncState: () => syncState() })
    render(<TasksView />)
    await waitFor(() => expect(screen.getAllByTestId('task-item')).toHaveLength(6))
    expect(within(item('task_waiting1')).getByTestId('task-phase').textContent).toBe('Waiting')
    expect(within(item('task_generating')).getByTestId('task-phase').textContent).toBe('Generating')
    expect(item('task_download1').textContent).toContain('2 of 6 files downloaded')
    expect(within(item('task_failed001')).getByTestId('task-fail-reason').textContent).toBe(
      'Your prompt was flagged by moderation.'
    )
    expect(item('task_notfound1').textContent).toContain('The gateway does not know this task id')
    expect(within(item('task_done0001')).getByTestId('task-file-errors').textContent).toContain(
      'The video link expired.'
    )
    // Retry is offered where it can help, not on healthy tasks.
    expect(
      within(item('task_failed001')).queryByRole('button', { name: /Retry task/ })
    ).toBeTruthy()
    expect(within(item('task_waiting1')).queryByRole('button', { name: /Retry task/ })).toBeNull()
  })

  it('draws a progress bar per file and an overall bar from download-progress events', async () => {
    giveElementsASize()
    const fake = installFakeApi({
      listTasks: rows,
      getSyncState: () => syncState({ activeDownloads: 2, pendingTasks: 3 })
    })
    render(<TasksView />)
    await waitFor(() => expect(screen.getAllByTestId('task-item')).toHaveLength(6))
    act(() =>
      fake.emit('download-progress', {
        items: [
          { clipId: 'clipA', kind: 'audio', bytes: 1_000_000, total: 4_000_000, rate: 500_000 },
          { clipId: 'clipB', kind: 'video', bytes: 3_000_000, total: 4_000_000, rate: 250_000 }
        ]
      })
    )
    const bars = within(item('task_download1')).getAllByTestId('file-progress')
    expect(bars).toHaveLength(2)
    expect(
      within(bars[0] as HTMLElement)
        .getByRole('progressbar')
        .getAttribute('aria-valuenow')
    ).toBe('25')
    expect(bars[0]?.textContent).toContain('1 MB of 4 MB')
    const overall = screen.getByTestId('overall-progress')
    expect(overall.getAttribute('aria-valuenow')).toBe('50')
    expect(screen.getByTestId('downloads-summary').textContent).toContain('3 tasks in progress')
    // A finished file leaves the list.
    act(() =>
      fake.emit('download-progress', {
        items: [
          { clipId: 'clipA', kind: 'audio', bytes: 4_000_000, total: 4_000_000, rate: 0 },
          { clipId: 'clipB', kind: 'video', bytes: 3_500_000, total: 4_000_000, rate: 250_000 }
        ]
      })
    )
    expect(within(item('task_download1')).getAllByTestId('file-progress')).toHaveLength(1)
  })

  it('asks before removing a task, and says the songs stay', async () => {
    giveElementsASize()
    const fake = installFakeApi({
      listTasks: rows,
      getSyncState: () => syncState(),
      removeTasks: ({ ids }) => ({ changed: ids.length })
    })
    render(<TasksView />)
    await waitFor(() => screen.getAllByTestId('task-item'))
    fireEvent.click(screen.getByRole('button', { name: 'Remove task task_failed001' }))
    const dialog = screen.getByRole('dialog', { name: 'Remove this task?' })
    expect(dialog.textContent).toContain('Songs already downloaded stay in your library')
    expect(document.activeElement?.textContent).toBe('Keep')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep' }))
    expect(fake.calls.some((c) => c.method === 'removeTasks')).toBe(false)

    fireEvent.click(screen.getByRole('button', { name: 'Remove task task_failed001' }))
    fireEvent.click(screen.getByRole('button', { name: 'Remove task' }))
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'removeTasks',
        request: { ids: ['task_failed001'] }
      })
    )
  })

  it('retries, polls now, pauses and resumes downloads, and reloads when the library says tasks changed', async () => {
    giveElementsASize()
    let paused = false
    let listed = 0
    const fake = installFakeApi({
      listTasks: () => {
        listed += 1
        return rows()
      },
      getSyncState: () => syncState({ downloadsPaused: paused }),
      retryTasks: ({ ids }) => ({ changed: ids.length }),
      pollNow: () => ({ ok: true }),
      pauseDownloads: () => (
        (paused = true),
        syncState({ downloadsPaused: true, status: 'paused' })
      ),
      resumeDownloads: () => ((paused = false), syncState())
    })
    render(<TasksView />)
    await waitFor(() => screen.getAllByTestId('task-item'))
    fireEvent.click(screen.getByRole('button', { name: 'Retry task task_failed001' }))
    await waitFor(() => expect(screen.getByText('1 task is being checked again now.')).toBeTruthy())
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }))
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'pollNow')).toBe(true))
    fireEvent.click(await screen.findByRole('button', { name: 'Pause downloads' }))
    await screen.findByRole('button', { name: 'Resume downloads' })
    fireEvent.click(screen.getByRole('button', { name: 'Resume downloads' }))
    await screen.findByRole('button', { name: 'Pause downloads' })

    const before = listed
    act(() => fake.emit('library-changed', { kind: 'tasks', taskIds: ['task_waiting1'] }))
    act(() => fake.emit('library-changed', { kind: 'tasks', taskIds: ['task_generating'] }))
    await waitFor(() => expect(listed).toBe(before + 1))
  })

  it('shows a success with nothing readable under Problems, with the answer and Retry once final', async () => {
    giveElementsASize()
    const answer = '{"task_id":"task_unread01","status":"SUCCESS","data":null}'
    const unreadable = task('task_unread01', {
      phase: 'unreadable',
      state: 'failed',
      problem: { code: 'unreadable_success', answer, answers: 4, final: true }
    })
    const retrying = task('task_unread02', {
      phase: 'unreadable',
      problem: { code: 'unreadable_success', answer, answers: 1, final: false }
    })
    installFakeApi({
      listTasks: () => [...rows(), unreadable, retrying],
      getSyncState: () => syncState()
    })
    render(<TasksView />)
    await waitFor(() => screen.getAllByTestId('task-item'))
    fireEvent.click(screen.getByRole('button', { name: /Problems/ }))
    const shown = screen.getAllByTestId('task-item').map((el) => el.dataset.taskId)
    expect(shown).toContain('task_unread01')
    expect(shown).toContain('task_unread02')
    const final = item('task_unread01')
    expect(within(final).getByTestId('task-phase').textContent).toBe('Unreadable answer')
    expect(final.textContent).toContain(
      'The gateway says it finished but sent no songs Songshelf understands.'
    )
    expect(final.textContent).toContain('Songshelf asked 4 times and gave up.')
    expect(within(final).getByTestId('task-answer').textContent).toContain('"status": "SUCCESS"')
    expect(within(final).getByRole('button', { name: /Retry/ })).toBeTruthy()
    const asking = item('task_unread02')
    expect(asking.textContent).toContain('Songshelf asks again in case the songs arrive late.')
    expect(within(asking).queryByRole('button', { name: /^Retry/ })).toBeNull()
  })

  it('filters to the tasks with problems', async () => {
    giveElementsASize()
    installFakeApi({ listTasks: rows, getSyncState: () => syncState() })
    render(<TasksView />)
    await waitFor(() => screen.getAllByTestId('task-item'))
    fireEvent.click(screen.getByRole('button', { name: /Problems/ }))
    expect(
      screen
        .getAllByTestId('task-item')
        .map((el) => el.dataset.taskId)
        .sort()
    ).toEqual(['task_done0001', 'task_failed001', 'task_notfound1'])
  })
})
