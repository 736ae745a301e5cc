#!/usr/bin/env node
// `npm run bench [-- --json] [-- --quick] [-- --only download]`
//
// The benchmarks are TypeScript that imports src/ (which uses TypeScript that Node
// cannot strip, e.g. parameter properties), so they are bundled first with vite's own
// build() in SSR mode into out/bench/ — Node built-ins (node:sqlite included) and npm
// dependencies stay external — and then run by bench/run.ts under the Node 24 that the
// `node` devDependency installs (node_modules/.bin/node), the same major Electron embeds.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'out/bench')
const BENCH = join(ROOT, 'bench')

// Entry points: the runner, every *.bench.ts, and the helpers the benches start as
// child processes (*-child.ts).
const input = Object.fromEntries(
  readdirSync(BENCH)
    .filter((f) => f === 'run.ts' || f.endsWith('.bench.ts') || f.endsWith('-child.ts'))
    .map((f) => [f.slice(0, -'.ts'.length), join(BENCH, f)])
)

/** Keeps `import.meta.dirname` / `filename` meaning the source file's folder after
 * bundling: test helpers the benches reuse find the repository from there. */
const sourceLocation = {
  name: 'songshelf-source-location',
  transform(code, id) {
    if (!/\.[cm]?tsx?$/.test(id) || !code.includes('import.meta.')) return null
    return code
      .replaceAll('import.meta.dirname', JSON.stringify(dirname(id)))
      .replaceAll('import.meta.filename', JSON.stringify(id))
  }
}

const nodeBuiltin = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])

await build({
  configFile: false,
  root: ROOT,
  logLevel: 'warn',
  plugins: [sourceLocation],
  build: {
    ssr: true,
    outDir: OUT,
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input,
      // node:sqlite is prefix-only and missing from some Node versions' builtinModules
      // (RELIABILITY.md F2), so every node: specifier is external by pattern.
      external: (id) => id.startsWith('node:') || nodeBuiltin.has(id),
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js'
      }
    }
  },
  ssr: { target: 'node' }
})

const node = join(ROOT, 'node_modules/.bin', process.platform === 'win32' ? 'node.cmd' : 'node')
const child = spawn(
  existsSync(node) ? node : process.execPath,
  [join(OUT, 'run.js'), ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: 'inherit'
  }
)
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0)
})
