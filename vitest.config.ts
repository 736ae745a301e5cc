import { defineConfig } from 'vitest/config'
import { resolve } from 'node:path'

// Two projects: `node` for core, shell (electron mocked), CLI and the simulator;
// `renderer` (jsdom) for stores and components. Both run on the Node 24 that the
// `node` devDependency puts first on the PATH of npm scripts.
export default defineConfig({
  resolve: {
    alias: { '@renderer': resolve(import.meta.dirname, 'src/renderer/src') }
  },
  test: {
    globalSetup: ['test/support/temp-guard.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
          setupFiles: ['test/support/temp-check.ts'],
          // electron-store imports `electron`; inline it so tests can mock that module.
          server: { deps: { inline: ['electron-store'] } },
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/temp-check.ts', 'test/unit/renderer/setup.ts']
        }
      }
    ]
  }
})
