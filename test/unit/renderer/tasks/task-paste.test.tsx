import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { TaskPaste } from '../../../../src/renderer/src/features/tasks/TaskPaste'
import { useTasksStore } from '../../../../src/renderer/src/store/tasks-store'
import { installFakeApi } from '../support/fake-api'
import { task, useRendererTestSetup } from '../player/helpers'

const A = '0b7c1f5e-8a11-4f2a-9d3e-1c2b3a4d5e6f'
const B = 'a06015d0-1111-4222-8333-944455556666'
const C = 'task_Xy12345abc'

describe('pasting task ids', () => {
  useRendererTestSetup()

  it('previews the ids found in any text, and the near misses, before adding anything', async () => {
    const fake = installFakeApi({ listTasks: () => [] })
    useTasksStore.setState({ tasks: [task(B)] })
    render(<TaskPaste />)
    const box = screen.getByLabelText('Add task ids')
    fireEvent.change(box, {
      target: {
        value: `{"code":"success","data":"${A}"}\nsubmitted ${B} ok, then ${C}; cut: 0b7c1f5e-8a11-4f2a-9d3e`
      }
    })
    await waitFor(() =>
      expect(screen.getByTestId('task-preview').textContent).toContain('Found 3 task ids.')
    )
    const preview = screen.getByTestId('task-preview')
    expect(preview.textContent).toContain(A)
    expect(preview.textContent).toContain(C)
    expect(preview.textContent).toContain('1 of them is already in your list.')
    expect(screen.getByTestId('task-preview-invalid').textContent).toContain(
      '0b7c1f5e-8a11-4f2a-9d3e'
    )
    expect(fake.calls.filter((c) => c.method === 'addTasks')).toEqual([])
    expect(screen.getByRole('button', { name: 'Add 3 tasks' })).toBeTruthy()
  })

  it('adds them and says how many were new and how many already known', async () => {
    const fake = installFakeApi({
      addTasks: () => ({ added: [A, C], known: [B], invalid: [] }),
      listTasks: () => [task(A), task(B), task(C)]
    })
    render(<TaskPaste />)
    fireEvent.change(screen.getByLabelText('Add task ids'), { target: { value: `${A} ${B} ${C}` } })
    await waitFor(() => screen.getByRole('button', { name: 'Add 3 tasks' }))
    fireEvent.click(screen.getByRole('button', { name: 'Add 3 tasks' }))
    await waitFor(() =>
      expect(screen.getByTestId('task-add-result').textContent).toBe('2 added, 1 already known')
    )
    expect(fake.calls.find((c) => c.method === 'addTasks')?.request).toEqual({
      text: `${A}\n${B}\n${C}`
    })
    expect((screen.getByLabelText('Add task ids') as HTMLTextAreaElement).value).toBe('')
    expect(useTasksStore.getState().tasks).toHaveLength(3)
  })

  it('nothing to add in plain prose', async () => {
    installFakeApi()
    render(<TaskPaste />)
    fireEvent.change(screen.getByLabelText('Add task ids'), { target: { value: 'hello there' } })
    await waitFor(() =>
      expect(screen.getByTestId('task-preview').textContent).toContain('No task ids found')
    )
    expect(screen.getByRole('button', { name: 'Add tasks' })).toHaveProperty('disabled', true)
  })
})
