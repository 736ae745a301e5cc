import { render, screen, waitFor, within } from '@testing-library/react'
import i18next from 'i18next'
import { describe, expect, it, onTestFinished } from 'vitest'
import { TasksView } from '../../../../src/renderer/src/features/tasks/TasksView'
import { installFakeApi } from '../support/fake-api'
import { giveElementsASize, syncState, task, useRendererTestSetup } from '../player/helpers'

// Issue 12 §4: clips whose gateway id Songshelf refuses (`../../x`, overlong, control
// characters) are not stored. `tasks --json` listed them, but the app's task list showed
// the task as done with fewer songs and no word why. It now says "n songs refused (unsafe
// id)", with each id made visible and the reason in the user's language.

const refusing = task('task_refused1', {
  phase: 'done',
  state: 'succeeded',
  clipIds: ['good-clip'],
  filesDone: 2,
  filesTotal: 2,
  refusedClips: [
    { id: '../../x', reason: 'not a clip id', code: 'path' },
    { id: 'bad\u001b]52;c;aGk=\u0007id\u202e', reason: 'not a clip id', code: 'control' },
    // Stored before refusals had codes.
    { id: 'odd id', reason: 'not a clip id' }
  ]
})

describe('refused clips in the task list', () => {
  useRendererTestSetup()

  it('says how many songs were refused and why, with every id visible', async () => {
    giveElementsASize()
    installFakeApi({ listTasks: () => [refusing], getSyncState: () => syncState() })
    render(<TasksView />)
    const block = await waitFor(() => screen.getByTestId('task-refused'))
    expect(within(block).getByText('3 songs refused (unsafe id)')).toBeTruthy()
    const items = within(block)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(items).toEqual([
      '../../x The id looks like a file path (/, \\ or ..).',
      'bad\\x1b]52;c;aGk=\\x07id\\u202e The id contains control or text-direction characters.',
      'odd id The id contains characters a clip id never has.'
    ])
    // No control or bidi character reaches the page.
    for (const raw of ['\u001b', '\u0007', '\u202e']) expect(block.textContent).not.toContain(raw)
  })

  it('says it in Simplified Chinese', async () => {
    await i18next.changeLanguage('zh-CN')
    onTestFinished(() => void i18next.changeLanguage('en'))
    giveElementsASize()
    installFakeApi({ listTasks: () => [refusing], getSyncState: () => syncState() })
    render(<TasksView />)
    const block = await waitFor(() => screen.getByTestId('task-refused'))
    expect(block.textContent).toContain('3 首歌曲被拒收（ID 不安全）')
    expect(block.textContent).toContain('ID 看起来像文件路径')
  })

  it('shows nothing for a task without refusals', async () => {
    giveElementsASize()
    installFakeApi({
      listTasks: () => [{ ...refusing, refusedClips: [] }],
      getSyncState: () => syncState()
    })
    render(<TasksView />)
    await waitFor(() => expect(screen.getAllByTestId('task-item')).toHaveLength(1))
    expect(screen.queryByTestId('task-refused')).toBeNull()
  })
})
