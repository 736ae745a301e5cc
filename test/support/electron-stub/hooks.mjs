const stub = new URL('./electron.mjs', import.meta.url).href

export async function resolve(specifier, context, next) {
  // STUB_NO_SQLITE=1: this "Electron" has no node:sqlite, as a broken build would.
  if (
    process.env.STUB_NO_SQLITE === '1' &&
    (specifier === 'node:sqlite' || specifier === 'sqlite')
  ) {
    const error = new Error('No such built-in module: node:sqlite')
    error.code = 'ERR_UNKNOWN_BUILTIN_MODULE'
    throw error
  }
  if (specifier === 'electron' || specifier.startsWith('electron/')) {
    return { url: stub, shortCircuit: true, format: 'module' }
  }
  return next(specifier, context)
}
