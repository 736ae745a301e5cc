// Turns an untrusted gateway value into plain, structured-clone-safe JSON data for the
// `raw` fields: personal fields removed (GATEWAY.md#values: some gateways
// leak `user_id`, `display_name`, `handle`), depth and size bounded, and keys that could
// reach an object's prototype dropped so a sidecar or row built from it cannot be polluted.

/** Deeper than anything Suno or a gateway nests (metadata.history is 3 levels down). */
export const MAX_RAW_DEPTH = 24
/** Node budget per call, so a shared-reference graph cannot explode the copy. */
const MAX_RAW_NODES = 50_000

const PERSONAL_KEYS = new Set([
  'userid',
  'handle',
  'displayname',
  'avatarimageurl',
  'username',
  'nickname'
])
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** True for keys that name a person: user ids, handles, display names, avatars, e-mail. */
export function isPersonalKey(key: string): boolean {
  const folded = key.toLowerCase().replace(/[-_\s.]/g, '')
  return PERSONAL_KEYS.has(folded) || folded.includes('email') || folded === 'mail'
}

/** Key names that hold credentials: tokens, keys, secrets, passwords, cookies, sessions. */
const SECRET_KEY = /token|secret|passw|authori[sz]ation|cookie|session|api_?key|^key$|credential/i
const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi
// `sk-…` API keys, `Bearer …` headers and JWTs, wherever they appear in a string.
const TOKEN =
  /\bsk-[A-Za-z0-9_-]{8,}|\bBearer\s+[^\s"']+|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g

export interface SanitizeOptions {
  /** Top-level keys to leave out (e.g. `data` for the task's raw). */
  omit?: readonly string[]
  /** For answers kept for a bug report: also drop credential keys and blank out e-mail
   * addresses and tokens inside strings. */
  secrets?: boolean
}

/** A sanitized copy of an object, or `{}` when the value is not an object. */
export function sanitizeRecord(
  value: unknown,
  opts: SanitizeOptions = {}
): Record<string, unknown> {
  const budget: Budget = { nodes: MAX_RAW_NODES, secrets: opts.secrets === true }
  const copy = copyObject(value, 0, new Set(), budget, new Set(opts.omit ?? []))
  return copy ?? {}
}

type Budget = { nodes: number; secrets: boolean }

function scrubbed(text: string): string {
  return text.replace(EMAIL, '[email]').replace(TOKEN, '[token]')
}

function copyValue(value: unknown, depth: number, seen: Set<object>, budget: Budget): unknown {
  budget.nodes -= 1
  if (budget.nodes < 0) return undefined
  switch (typeof value) {
    case 'string':
      return budget.secrets ? scrubbed(value) : value
    case 'boolean':
      return value
    case 'number':
      return Number.isFinite(value) ? value : null
    case 'bigint':
      return value.toString()
    case 'object':
      if (value === null) return null
      if (depth >= MAX_RAW_DEPTH || seen.has(value)) return undefined
      return Array.isArray(value)
        ? copyArray(value, depth, seen, budget)
        : copyObject(value, depth, seen, budget, new Set())
    default:
      // undefined, functions and symbols have no JSON form.
      return undefined
  }
}

function copyArray(
  value: readonly unknown[],
  depth: number,
  seen: Set<object>,
  budget: Budget
): unknown[] {
  seen.add(value)
  const out: unknown[] = []
  const length = safeLength(value)
  for (let i = 0; i < length && budget.nodes > 0; i++) {
    const item = copyValue(ownValue(value, String(i)), depth + 1, seen, budget)
    out.push(item === undefined ? null : item)
  }
  seen.delete(value)
  return out
}

function copyObject(
  value: unknown,
  depth: number,
  seen: Set<object>,
  budget: Budget,
  omit: ReadonlySet<string>
): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  seen.add(value)
  const out: Record<string, unknown> = {}
  for (const key of safeKeys(value)) {
    if (budget.nodes <= 0) break
    if (omit.has(key) || PROTOTYPE_KEYS.has(key) || isPersonalKey(key)) continue
    if (budget.secrets && SECRET_KEY.test(key)) continue
    const item = copyValue(ownValue(value, key), depth + 1, seen, budget)
    if (item !== undefined) out[key] = item
  }
  seen.delete(value)
  return out
}

function safeKeys(value: object): string[] {
  try {
    return Object.keys(value)
  } catch {
    return []
  }
}

function safeLength(value: readonly unknown[]): number {
  try {
    return value.length
  } catch {
    return 0
  }
}

function ownValue(value: object, key: string): unknown {
  try {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)
    return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined
  } catch {
    return undefined
  }
}
