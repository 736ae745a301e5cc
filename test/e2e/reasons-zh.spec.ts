import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { startSimulator, type Simulator } from '../support/sim-gateway'
import { startPreview, tempDirs, type RunningPreview } from './support/preview'
import { callPreview, waitForState } from './support/seed'

// Issue 13, defect 11 (remainder): reasons stored with a task or a file reach the Chinese
// UI in Chinese. The gateway's own fail_reason is its words: a translated lead, then the
// text quoted as it came, never a bare English sentence as if it were the app's.

let sim: Simulator
let preview: RunningPreview
const FAILING = randomUUID()
const REASON = 'Your prompt was flagged by moderation.'
const FORBIDDEN = randomUUID()

test.beforeAll(async () => {
  sim = await startSimulator({ fixturesDir: resolve(import.meta.dirname, '../fixtures') })
  sim.addTask({ id: FAILING, steps: [{ status: 'FAILURE' }], fail: REASON })
  sim.addTask({ id: FORBIDDEN, steps: [{ status: 'SUCCESS' }], clips: 1, links: 'forbidden' })
  preview = await startPreview({ ...tempDirs(), baseUrl: sim.gatewayUrl, key: sim.apiKey })
  await callPreview(preview, 'updateSettings', { language: 'zh-CN', onboarded: true })
  await callPreview(preview, 'addTasks', { text: `${FAILING}\n${FORBIDDEN}` })
  await waitForState('the failed task and the forbidden link', async () => {
    const tasks = await callPreview(preview, 'listTasks', null)
    const failed = tasks.find((task) => task.id === FAILING && task.phase === 'failed')
    const forbidden = tasks.find((task) => task.id === FORBIDDEN && task.fileErrors.length > 0)
    return failed && forbidden ? tasks : null
  })
})

test.afterAll(async () => {
  await preview?.stop()
  await sim?.close()
})

test('中文: a failed task says in Chinese that the gateway said it, and quotes its words', async ({
  page
}) => {
  await page.goto(preview.url)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await page.getByRole('navigation').getByRole('button', { name: '任务' }).click()
  const item = page.getByTestId('task-item').filter({ hasText: '生成失败' })
  await expect(item).toBeVisible()
  const reason = item.getByTestId('task-fail-reason')
  await expect(reason).toHaveText(REASON)
  // Quoted, and marked as not the app's language.
  expect(await reason.evaluate((el) => el.tagName)).toBe('Q')
  await expect(reason).toHaveAttribute('translate', 'no')
  const line = (await reason.evaluate((el) => el.parentElement?.textContent ?? '')) ?? ''
  expect(line).toContain(`网关返回： ${REASON}`)
  expect(line).not.toMatch(/Reason given|给出的原因/)
})

test('中文: a file’s error is said in Chinese, from its stored code', async ({ page }) => {
  await page.goto(preview.url)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await page.getByRole('navigation').getByRole('button', { name: '任务' }).click()
  const errors = page.getByTestId('task-file-errors')
  await expect(errors).toContainText('网关的链接被禁止访问，请联系你的服务商。')
  await expect(errors).not.toContainText('forbidden')
})
