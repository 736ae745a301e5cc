import { test, type Locator, type Page } from '@playwright/test'
import { seedLibrary, type SeededLibrary, type SeedTask } from './seed'

// The one setup of a spec that runs its tests in order against one seeded preview library:
// serial mode, the library synced from the simulator before the first test, stopped (and
// its folders removed) after the last. Returns a getter, since the library exists only
// once beforeAll has run.
export function useSeededLibrary(tasks: SeedTask[]): () => SeededLibrary {
  let lib: SeededLibrary | undefined
  test.describe.configure({ mode: 'serial' })
  test.beforeAll(async () => {
    lib = await seedLibrary(tasks)
  })
  test.afterAll(async () => {
    await lib?.stop()
  })
  return () => {
    if (!lib) throw new Error('the seeded library exists once beforeAll has run')
    return lib
  }
}

export const clipRows = (page: Page): Locator => page.getByTestId('clip-row')

/** The list row whose title is exactly `title`. */
export const rowTitled = (page: Page, title: string): Locator =>
  clipRows(page).filter({ has: page.locator('.title-text').getByText(title, { exact: true }) })
