import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

// The forms a leaked API key could take, and a scanner for them (RELIABILITY.md C1,
// C5): the key itself and without its "sk-" prefix, each URL-encoded, as hex (either
// case), UTF-16, and base64/base64url at each of the three byte alignments it can have
// inside a longer encoded string.

function base64Cores(bytes: Buffer): string[] {
  const out: string[] = []
  for (let pad = 0; pad < 3; pad++) {
    for (const encoding of ['base64', 'base64url'] as const) {
      const encoded = Buffer.concat([Buffer.alloc(pad, 0x20), bytes]).toString(encoding)
      // Characters that depend only on the key's own bytes at this alignment.
      const from = Math.ceil((pad * 4) / 3) + 1
      out.push(encoded.slice(from, from + Math.floor((bytes.length * 4) / 3) - 4))
    }
  }
  return out
}

export function secretForms(key: string): string[] {
  const forms = new Set<string>()
  for (const text of [key, key.replace(/^sk-/, '')]) {
    const bytes = Buffer.from(text, 'utf8')
    forms.add(text)
    forms.add(encodeURIComponent(text))
    forms.add(bytes.toString('hex'))
    forms.add(bytes.toString('hex').toUpperCase())
    forms.add(Buffer.from(text, 'utf16le').toString('latin1'))
    for (const core of base64Cores(bytes)) forms.add(core)
  }
  return [...forms].filter((form) => form.length >= 8)
}

/** The forms of `key` found in `text` (empty when it is clean). */
export function findSecret(text: string, key: string): string[] {
  return secretForms(key).filter((form) => text.includes(form))
}

/** Every file under `dir` (bytes read as latin1) that holds a form of the key. */
export function filesHoldingSecret(dir: string, key: string): string[] {
  if (!existsSync(dir)) return []
  const found: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const hits = findSecret(readFileSync(path).toString('latin1'), key)
    if (hits.length > 0) found.push(`${relative(dir, path)}: ${hits.join(', ')}`)
  }
  return found
}
