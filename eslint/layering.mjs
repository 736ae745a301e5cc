import { dirname, relative, resolve, sep } from 'node:path'

// Which folder may import which, checked on the RESOLVED path of every relative import
// (in the spirit of VS Code's `code-layering` rule: the layer comes from the folder, and
// a wrong-way import is a lint error whatever spelling of `../` reaches it). Package
// imports (`electron`, `node:*`, `react`) are banned per layer by `no-restricted-imports`
// in eslint.config.mjs; this rule covers the paths that rule cannot see.

const ROOT = resolve(import.meta.dirname, '..')

/** Most specific first: the first prefix that matches names the layer of a file. */
export const LAYERS = [
  ['core', 'src/main/core/'],
  ['shell', 'src/main/'],
  ['shared', 'src/shared/'],
  ['preload', 'src/preload/'],
  ['renderer-store', 'src/renderer/src/store/'],
  ['renderer-feature', 'src/renderer/src/features/'],
  ['renderer', 'src/renderer/'],
  ['cli', 'src/cli/'],
  ['preview', 'src/preview/']
]

/** Layer → layers it may import, with the reason shown when it reaches elsewhere. */
export const ALLOWED = {
  shared: { may: ['shared'], why: 'shared runs in every process: it imports only shared.' },
  core: {
    may: ['core', 'shared'],
    why: 'core is pure Node: it never imports the shell (settings, ipc, windows…), a UI or the CLI.'
  },
  shell: { may: ['shell', 'core', 'shared'], why: 'the shell wires core; it imports no UI.' },
  preload: { may: ['preload', 'shared'], why: 'the preload exposes the shared contract only.' },
  renderer: {
    may: ['renderer', 'renderer-store', 'renderer-feature', 'shared'],
    why: 'the renderer reaches main only through lib/bridge.ts.'
  },
  'renderer-store': {
    may: ['renderer', 'renderer-store', 'shared'],
    why: 'stores sit below features: a store never imports from features/.'
  },
  'renderer-feature': {
    may: ['renderer', 'renderer-store', 'renderer-feature', 'shared'],
    why: 'the renderer reaches main only through lib/bridge.ts.'
  },
  cli: {
    may: ['cli', 'core', 'shared'],
    why: 'the CLI runs the core headless, without the shell.'
  },
  preview: {
    may: ['preview', 'core', 'shared', 'cli'],
    // The preview serves the renderer with the app's own CSP (one home for that rule).
    files: ['src/main/security.ts'],
    why: 'the preview runs the core headless, without the Electron shell.'
  }
}

function layerOf(file) {
  const path = relative(ROOT, file).split(sep).join('/')
  if (path.startsWith('..')) return undefined
  const hit = LAYERS.find(([, prefix]) => path.startsWith(prefix))
  return hit ? { layer: hit[0], path } : undefined
}

function withExtension(path) {
  return /\.[cm]?[jt]sx?$/.test(path) ? path : `${path}.ts`
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid relative imports that cross a layer boundary the wrong way.' },
    schema: [],
    messages: { wrongWay: '{{from}} must not import {{to}} ({{target}}): {{why}}' }
  },
  create(context) {
    const from = layerOf(context.filename)
    if (!from) return {}
    const allowed = ALLOWED[from.layer]
    const check = (node) => {
      const spec = node?.type === 'Literal' ? node.value : undefined
      if (typeof spec !== 'string' || !spec.startsWith('.')) return
      const to = layerOf(resolve(dirname(context.filename), spec))
      if (!to || allowed.may.includes(to.layer)) return
      if (allowed.files?.includes(withExtension(to.path))) return
      context.report({
        node,
        messageId: 'wrongWay',
        data: { from: from.layer, to: to.layer, target: spec, why: allowed.why }
      })
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.literal ?? node.argument)
    }
  }
}

export default { rules: { layering: rule } }
