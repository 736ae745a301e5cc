import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import NodeID3 from 'node-id3'
import { expect, test, type Page } from '@playwright/test'
import { callPreview, seedLibrary, waitForState, type SeededLibrary } from './support/seed'

// Dropping songs people already have (issue 15): the window shows what the import will
// do before anything is copied — a file with a Suno id the library knows is merged, one
// without an id becomes a local song, a text file is skipped — and Import brings them in.
// The drop carries real mp3 bytes; the preview uploads them to its staging folder, where
// Electron's preload would hand main their paths instead.

const TINY = readFileSync(resolve(import.meta.dirname, '../fixtures/tiny.mp3'))
const WAITING = '5d2a7c1e-3b4f-4e6a-9c8d-0e1f2a3b4c5d'

let lib: SeededLibrary

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  lib = await seedLibrary([{ titles: ['Known Song'], clips: 1, video: false }])
  // A song the gateway told us about whose audio link was refused: the library knows it
  // without audio, so a file carrying its id fills it in.
  lib.sim.addTask({
    id: 'task_e2e_waiting',
    steps: [{ status: 'SUCCESS' }],
    clips: 1,
    clipIds: [WAITING],
    titles: ['Waiting For Audio'],
    links: 'forbidden',
    video: false
  })
  await callPreview(lib.preview, 'addTasks', { text: 'task_e2e_waiting' })
  await waitForState('the song without audio to be known', async () =>
    (await callPreview(lib.preview, 'getClip', { id: WAITING })) === null ? null : true
  )
})

test.afterAll(async () => {
  await lib?.stop()
})

function mp3With(tags: NodeID3.Tags): string {
  return NodeID3.write(tags, TINY).toString('base64')
}

async function dropFiles(
  page: Page,
  files: { name: string; type: string; base64: string }[]
): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer()
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
      dt.items.add(new File([bytes], f.name, { type: f.type }))
    }
    return dt
  }, files)
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('main', type, { dataTransfer })
  }
}

test('dropped mp3s and a text file: the preview groups them, then Import brings them in', async ({
  page
}) => {
  await page.goto(lib.preview.url)
  await expect(page.getByTestId('clip-row')).toHaveCount(2)

  await dropFiles(page, [
    {
      name: 'from-suno.mp3',
      type: 'audio/mpeg',
      base64: mp3With({
        title: 'Suno Download',
        userDefinedText: [{ description: 'SUNO_ID', value: WAITING }]
      })
    },
    { name: 'home.mp3', type: 'audio/mpeg', base64: mp3With({ title: 'Home Recording' }) },
    { name: 'notes.txt', type: 'text/plain', base64: Buffer.from('just notes').toString('base64') }
  ])

  const dialog = page.getByTestId('import-preview')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('import-summary')).toHaveText('1 to import, 1 to merge, 1 skipped.')
  const merge = page.getByTestId('import-group-merge')
  await expect(merge.getByTestId('import-item')).toHaveCount(1)
  await expect(merge).toContainText('Waiting For Audio')
  await expect(merge).toContainText('from-suno.mp3')
  await expect(merge).toContainText('id from a tag')
  const fresh = page.getByTestId('import-group-import')
  await expect(fresh.getByTestId('import-item')).toHaveCount(1)
  await expect(fresh).toContainText('Home Recording')
  await expect(fresh).toContainText('imported as a local song')
  const skipped = page.getByTestId('import-group-skip')
  await expect(skipped).toContainText('notes.txt')
  await expect(skipped).toContainText('Only mp3 files can be imported.')
  // Nothing is copied by the preview.
  expect((await callPreview(lib.preview, 'queryLibrary', { limit: 10 })).total).toBe(2)

  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-done')).toHaveText('Imported 1, merged 1, skipped 1.', {
    timeout: 30_000
  })
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('clip-row').filter({ hasText: 'Home Recording' })).toBeVisible()
  const merged = await callPreview(lib.preview, 'getClip', { id: WAITING })
  expect(merged?.files.find((f) => f.kind === 'audio')?.state).toBe('done')
  expect((await callPreview(lib.preview, 'queryLibrary', { limit: 10 })).total).toBe(3)
})
