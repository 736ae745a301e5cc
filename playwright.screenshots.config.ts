import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './test/e2e/support/browser'

// `npm run screenshots`: regenerates docs/screenshots/*.png from the real UI (web preview +
// simulated gateway). Not part of `npm test`.
export default defineConfig({
  testDir: 'test/screenshots',
  globalSetup: './test/e2e/support/temp-run.ts',
  testMatch: /.*\.spec\.ts$/,
  workers: 1,
  timeout: 180_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: findChromium(),
      args: [...CHROMIUM_ARGS, '--font-render-hinting=none']
    },
    viewport: { width: 1360, height: 860 },
    deviceScaleFactor: 1,
    colorScheme: 'dark'
  },
  outputDir: 'test-results/screenshots'
})
