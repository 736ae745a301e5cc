import { create } from 'zustand'
import { call } from '../../lib/bridge'
import { sentFilter } from '../../store/library-query'
import { useLibraryStore } from '../../store/library-store'

// Type-ahead in the list and the covers (issue 13), as in Finder, Explorer and iTunes:
// typing "cit" jumps to the first song, in the view's order (a playlist's own), whose
// title starts with it.
// The core answers for the whole view (findTitleIndex), so a song far beyond the loaded
// pages is reached. Typing pauses of a second start a new word; Space belongs to the
// word while one is being typed, and plays or pauses otherwise.

export const TYPE_AHEAD_RESET_MS = 1000
/** The bridge's bound on the prefix (schemas.ts titlePrefixQuery). */
const MAX_PREFIX = 100
/** Global shortcuts that must keep working in the list when no word is being typed. */
const SHORTCUT_STARTS = new Set(['/', '?'])

/** What has been typed, forgotten after a pause. Pure: the clock is passed in. */
export class TypeAheadBuffer {
  private text = ''
  private last = Number.NEGATIVE_INFINITY

  constructor(private readonly resetMs = TYPE_AHEAD_RESET_MS) {}

  active(now: number): boolean {
    return this.text !== '' && now - this.last < this.resetMs
  }

  push(char: string, now: number): string {
    if (!this.active(now)) this.text = ''
    if (this.text.length + char.length <= MAX_PREFIX) this.text += char
    this.last = now
    return this.text
  }

  clear(): void {
    this.text = ''
  }
}

export interface TypedKey {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey?: boolean
}

/** The text a key adds to the word, or null when the key is not type-ahead: one
 * printable character without Ctrl/Cmd/Alt; Space, `/` and `?` only inside a word. (An
 * IME's keys arrive as "Process", and the composed text is not a key press.) */
export function typeAheadChar(event: TypedKey, typing: boolean): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey === true) return null
  const key = event.key
  if ([...key].length !== 1 || /\p{Cc}/u.test(key)) return null
  if (!typing && (key === ' ' || SHORTCUT_STARTS.has(key))) return null
  return key
}

interface TypeAheadState {
  /** The word being typed ('' when none). */
  text: string
  /** No title of the view starts with it. */
  missing: boolean
}

export const useTypeAheadStore = create<TypeAheadState>(() => ({ text: '', missing: false }))

const buffer = new TypeAheadBuffer()
let ticket = 0
/** The query the word in `buffer` was typed against. */
let bufferVersion: number | null = null
let hide: ReturnType<typeof setTimeout> | null = null

/** Handles a key on the results; returns true when it was type-ahead. `jump` moves the
 * cursor and selection to a view index (the results' own keyboard move). */
export function handleTypeAhead(
  event: TypedKey & { preventDefault(): void },
  jump: (index: number) => void,
  now = Date.now()
): boolean {
  const library = useLibraryStore.getState()
  if ((library.total ?? 0) === 0) return false
  // A word typed into another view (before a search, a filter or a sort) is not
  // continued here, however quickly the user came back to the results.
  if (bufferVersion !== library.queryVersion) buffer.clear()
  const char = typeAheadChar(event, buffer.active(now))
  if (char === null) return false
  event.preventDefault()
  bufferVersion = library.queryVersion
  const prefix = buffer.push(char, now)
  useTypeAheadStore.setState({ text: prefix, missing: false })
  if (hide !== null) clearTimeout(hide)
  hide = setTimeout(() => {
    hide = null
    useTypeAheadStore.setState({ text: '', missing: false })
  }, TYPE_AHEAD_RESET_MS)
  const mine = ++ticket
  const version = library.queryVersion
  // A playlist keeps its own order (positions, or its rule's sort), which its own index
  // method follows; the library view asks with its filter and sort.
  const source = library.source
  const found =
    source.kind === 'playlist'
      ? call('findPlaylistTitleIndex', { id: source.id, prefix })
      : call('findTitleIndex', {
          ...sentFilter(library.filter),
          sort: library.sort,
          dir: library.dir,
          prefix
        })
  void found
    .then(({ index }) => {
      // A later key, or another query, has made this answer stale.
      if (mine !== ticket || useLibraryStore.getState().queryVersion !== version) return
      if (index === null) useTypeAheadStore.setState({ missing: true })
      else jump(index)
    })
    .catch(() => undefined)
  return true
}

/** Forgets the word at once (tests, and a new query). */
export function resetTypeAhead(): void {
  buffer.clear()
  ticket++
  if (hide !== null) clearTimeout(hide)
  hide = null
  useTypeAheadStore.setState({ text: '', missing: false })
}
