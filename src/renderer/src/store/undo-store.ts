import { create } from 'zustand'
import type { UndoKind } from '../../../shared/undo'
import { errorReason } from '../elements/ui-message'
import { call } from '../lib/bridge'

// The renderer's side of undo (issue 13): the last undoable actions, newest last, each
// with the core's undo ids (a bulk action sent in chunks has one id per chunk) and the
// words its toast shows. The toast's Undo, Ctrl/Cmd+Z and Edit ▸ Undo all undo through
// here, and the core does the work (library/undo/).

/** What a toast says: an i18n key and its values (kept as a key, so the toast follows a
 * language switch). */
export interface UndoMessage {
  key: string
  params?: Record<string, string | number>
}

export const UNDO_FAILED = 'everyday.undo.failed'

export interface UndoEntry {
  seq: number
  kind: UndoKind
  ids: string[]
  message: UndoMessage
}

export interface UndoToast {
  seq: number
  message: UndoMessage
  /** The entry its Undo button undoes; absent on the answer to an undo. */
  entry?: UndoEntry
}

export interface UndoState {
  stack: UndoEntry[]
  toast: UndoToast | null
  busy: boolean
  actions: {
    /** An action answered with undo ids: remember them and show the toast. */
    offer: (kind: UndoKind, ids: readonly (string | undefined)[], message: UndoMessage) => void
    /** Undoes the newest entry (Ctrl/Cmd+Z, Edit ▸ Undo). */
    undoLast: () => Promise<void>
    undo: (entry: UndoEntry) => Promise<void>
    dismiss: (seq: number) => void
  }
}

/** Runs after an undo changed something, so views that keep their own copies reload. */
const listeners = new Set<(kind: UndoKind) => void>()
export function onUndone(listener: (kind: UndoKind) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const MAX_ENTRIES = 20
let seq = 0

export const useUndoStore = create<UndoState>()((set, get) => ({
  stack: [],
  toast: null,
  busy: false,
  actions: {
    offer: (kind, ids, message) => {
      const known = ids.filter((id): id is string => typeof id === 'string')
      if (known.length === 0) return
      const entry: UndoEntry = { seq: ++seq, kind, ids: known, message }
      set((s) => ({
        stack: [...s.stack, entry].slice(-MAX_ENTRIES),
        toast: { seq, message, entry }
      }))
    },
    undoLast: async () => {
      const last = get().stack.at(-1)
      if (last === undefined) {
        set({ toast: { seq: ++seq, message: { key: 'everyday.undo.nothing' } } })
        return
      }
      await get().actions.undo(last)
    },
    undo: async (entry) => {
      if (get().busy) return
      set((s) => ({ busy: true, stack: s.stack.filter((e) => e.seq !== entry.seq) }))
      let count = 0
      let undone = false
      try {
        // Newest chunk first, so a later chunk never depends on an earlier one's undo.
        for (const id of [...entry.ids].reverse()) {
          const result = await call('undo', { id })
          undone ||= result.undone
          count += result.count
        }
      } catch (error) {
        set({
          toast: {
            seq: ++seq,
            message: { key: UNDO_FAILED, params: { message: errorReason(error) } }
          }
        })
        return
      } finally {
        set({ busy: false })
      }
      const message: UndoMessage = !undone
        ? { key: 'everyday.undo.nothing' }
        : entry.kind === 'delete'
          ? { key: 'everyday.undo.restored', params: { count } }
          : { key: 'everyday.undo.undone' }
      set({ toast: { seq: ++seq, message } })
      if (undone) for (const listener of listeners) listener(entry.kind)
    },
    dismiss: (which) => {
      if (get().toast?.seq === which) set({ toast: null })
    }
  }
}))

export const useUndoActions = (): UndoState['actions'] => useUndoStore((s) => s.actions)

export function resetUndoStore(): void {
  useUndoStore.setState({ stack: [], toast: null, busy: false })
}
