import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './test/e2e/support/browser'

// Browser E2E: the built renderer served by `preview:web` with the real core, driven in
// Chromium (Debian's on CI). Electron itself is covered by electron.smoke.spec.ts where
// an Electron binary exists.
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/support/temp-run.ts',
  testMatch: /.*\.spec\.ts$/,
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env['CI'] ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 }
  },
  outputDir: 'test-results'
})
