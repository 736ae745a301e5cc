import { isAbsolute, posix, resolve, win32 } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PlaylistKind, SmartRule } from '../../../../shared/playlists'

// Extended M3U in UTF-8 (.m3u8), the format every player opens: `#EXTM3U`, then per entry
// `#EXTINF:<seconds>,<title>` and a path. Songshelf adds one comment line of its own,
// `#SONGSHELF-PLAYLIST:{json}` (id, kind, smart rule), that other players ignore and
// `rebuild` reads back, so the folder alone restores every playlist.

export const HEADER_TAG = '#SONGSHELF-PLAYLIST:'

export interface M3uEntry {
  /** Path relative to the playlist file, with forward slashes. */
  path: string
  title: string
  durationSec: number | null
}

export interface M3uHeader {
  id: string
  name: string
  kind: PlaylistKind
  rule: SmartRule | null
}

/** Text safe for one M3U line: no control characters or line breaks (a title from the
 * gateway could otherwise start a new entry). The one place to point at the shared
 * naming rule for written files once it exists. */
export function m3uLineText(text: string): string {
  // \p{Cc}: C0 and C1 control characters (CR, LF, tab, ESC…).
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
}

export function buildM3u(header: M3uHeader, entries: readonly M3uEntry[]): string {
  const lines = [
    '#EXTM3U',
    `#PLAYLIST:${m3uLineText(header.name)}`,
    // JSON.stringify escapes every control character, so this stays one line.
    `${HEADER_TAG}${JSON.stringify(header)}`
  ]
  for (const entry of entries) {
    const seconds = entry.durationSec === null ? -1 : Math.round(entry.durationSec)
    lines.push(`#EXTINF:${seconds},${m3uLineText(entry.title)}`)
    lines.push(m3uLineText(entry.path))
  }
  return `${lines.join('\n')}\n`
}

export interface ParsedM3u {
  header: M3uHeader | null
  /** Entry lines as written, in order. */
  entries: string[]
}

export function parseM3u(text: string): ParsedM3u {
  let header: M3uHeader | null = null
  const entries: string[] = []
  for (const raw of text.replace(/^\uFEFF/u, '').split(/\r?\n|\r/u)) {
    const line = raw.trim()
    if (line === '') continue
    if (line.startsWith(HEADER_TAG)) {
      header = parseHeader(line.slice(HEADER_TAG.length))
      continue
    }
    if (line.startsWith('#')) continue
    entries.push(line)
  }
  return { header, entries }
}

function parseHeader(json: string): M3uHeader | null {
  try {
    const value: unknown = JSON.parse(json)
    if (typeof value !== 'object' || value === null) return null
    const v = value as Record<string, unknown>
    if (typeof v.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/u.test(v.id)) return null
    if (typeof v.name !== 'string') return null
    const kind = v.kind === 'smart' ? 'smart' : 'manual'
    const rule =
      kind === 'smart' && typeof v.rule === 'object' && v.rule !== null
        ? (v.rule as SmartRule)
        : null
    return { id: v.id, name: v.name.slice(0, 200), kind, rule }
  } catch {
    return null
  }
}

/** The absolute path an entry points to: `file://` URLs, absolute paths (POSIX or
 * Windows) and paths relative to the playlist's folder; web links give null. */
export function entryPath(entry: string, playlistDir: string): string | null {
  if (/^file:\/\//iu.test(entry)) {
    try {
      return fileURLToPath(entry)
    } catch {
      return null
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(entry)) return null
  if (isAbsolute(entry)) return entry
  if (win32.isAbsolute(entry) && /^[A-Za-z]:[\\/]/u.test(entry)) return entry
  // Players on Windows write backslashes; the library's own files use forward slashes.
  return resolve(playlistDir, entry.replace(/\\/gu, posix.sep))
}
