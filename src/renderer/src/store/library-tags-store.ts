import { create } from 'zustand'
import { call } from '../lib/bridge'
import { chunkIds } from '../lib/id-chunks'
import { cleanTagName, compareNames } from '../../../shared/text'
import type { UndoKind } from '../../../shared/undo'
import { useUndoStore, type UndoMessage } from './undo-store'

// The user's tags with their clip counts (autocomplete, the tag manager) and the
// operations on them. Tagging clips goes through `tagClips` in chunks the contract
// accepts; the core then emits `library-changed`, which refreshes the list.

export interface TagCount {
  name: string
  count: number
}

/** The name as the core stores it (shared/text.ts), or '' when nothing usable is left. */
export function normalizeTag(name: string): string {
  return cleanTagName(name) ?? ''
}

/** A tag change that can be undone shows the undo toast (store/undo-store.ts). */
function offerUndo(kind: UndoKind, undoId: string | undefined, message: UndoMessage): void {
  useUndoStore.getState().actions.offer(kind, [undoId], message)
}

export interface LibraryTagsState {
  tags: TagCount[]
  loaded: boolean
  actions: {
    load: () => Promise<void>
    tagClips: (ids: string[], change: { add?: string[]; remove?: string[] }) => Promise<number>
    rename: (from: string, to: string) => Promise<number>
    merge: (from: string[], into: string) => Promise<number>
    remove: (name: string) => Promise<number>
  }
}

export const useLibraryTagsStore = create<LibraryTagsState>()((set, get) => {
  const afterChange = async (changed: number): Promise<number> => {
    await get().actions.load()
    return changed
  }
  return {
    tags: [],
    loaded: false,
    actions: {
      load: async () => {
        const tags = await call('listTags')
        set({ tags: [...tags].sort((a, b) => compareNames(a.name, b.name)), loaded: true })
      },
      tagClips: async (ids, change) => {
        const add = (change.add ?? []).map(normalizeTag).filter(Boolean)
        const remove = (change.remove ?? []).map(normalizeTag).filter(Boolean)
        if (ids.length === 0 || (add.length === 0 && remove.length === 0)) return 0
        let changed = 0
        for (const chunk of chunkIds(ids)) {
          changed += (await call('tagClips', { ids: chunk, add, remove })).changed
        }
        return afterChange(changed)
      },
      rename: async (from, to) => {
        const target = normalizeTag(to)
        const { changed, undoId } = await call('renameTag', { from, to: target })
        offerUndo('tag-rename', undoId, { key: 'tags.renamed', params: { from, to: target } })
        return afterChange(changed)
      },
      merge: async (from, into) => {
        const target = normalizeTag(into)
        const { changed, undoId } = await call('mergeTags', { from, into: target })
        offerUndo('tag-merge', undoId, {
          key: 'everyday.undo.tagsMerged',
          params: { name: target }
        })
        return afterChange(changed)
      },
      remove: async (name) => {
        const { changed, undoId } = await call('deleteTag', { name })
        offerUndo('tag-delete', undoId, { key: 'everyday.undo.tagDeleted', params: { name } })
        return afterChange(changed)
      }
    }
  }
})

export const useLibraryTagsActions = (): LibraryTagsState['actions'] =>
  useLibraryTagsStore((s) => s.actions)

export function resetLibraryTagsStore(): void {
  useLibraryTagsStore.setState({ tags: [], loaded: false })
}
