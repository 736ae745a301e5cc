import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// `node:sqlite` is a prefix-only built-in that some Node versions leave out of
// `module.builtinModules`, which electron-vite uses to externalise built-ins; a bundler
// that misses it stubs it as a browser external (reliability-matrix F2). List it
// explicitly; test/unit/build checks the built bundle.
const nodeOnly = ['node:sqlite', 'node:test', 'node:sea']

// ESM-safe (the e2e dev-render spec imports this file as an ES module, where there is no
// __dirname).
const here = dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: {
        external: nodeOnly,
        input: {
          index: resolve(here, 'src/main/index.ts'),
          cli: resolve(here, 'src/cli/main.ts'),
          'preview-web': resolve(here, 'src/preview/preview-web.ts'),
          // `npm run sim`: the simulated gateway, for trying the app without an account.
          sim: resolve(here, 'test/support/sim-cli.ts')
        },
        output: {
          // The CLI loads each command lazily; those chunks go to their own folder so
          // electron-builder.yml can leave the whole CLI out of the desktop package with
          // one pattern (test/unit/build/packaging.test.ts checks it against the graph).
          chunkFileNames: (chunk) =>
            chunk.facadeModuleId?.startsWith(resolve(here, 'src/cli')) === true
              ? 'cli/[name]-[hash].js'
              : 'chunks/[name]-[hash].js'
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can only require `electron` and a few built-ins, and cannot
      // be ESM: one self-contained CommonJS file (electron-vite "Limitations of
      // sandboxing").
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(here, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false }
      }
    }
  },
  renderer: {
    root: resolve(here, 'src/renderer'),
    resolve: { alias: { '@renderer': resolve(here, 'src/renderer/src') } },
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: resolve(here, 'src/renderer/index.html') } }
    }
  }
})
