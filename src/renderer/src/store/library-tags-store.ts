import { create } from 'zustand'
import { call } from '../lib/bridge'
import { chunkIds } from '../lib/id-chunks'
import { cleanTagName, compareNames } from '../../../shared/text'

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
      rename: async (from, to) =>
        afterChange((await call('renameTag', { from, to: normalizeTag(to) })).changed),
      merge: async (from, into) =>
        afterChange((await call('mergeTags', { from, into: normalizeTag(into) })).changed),
      remove: async (name) => afterChange((await call('deleteTag', { name })).changed)
    }
  }
})

export const useLibraryTagsActions = (): LibraryTagsState['actions'] =>
  useLibraryTagsStore((s) => s.actions)

export function resetLibraryTagsStore(): void {
  useLibraryTagsStore.setState({ tags: [], loaded: false })
}
