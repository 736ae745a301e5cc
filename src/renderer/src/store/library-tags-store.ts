import { create } from 'zustand'
import { call } from '../lib/bridge'
import { MAX_IDS_PER_CALL } from '../../../shared/limits'

// The user's tags with their clip counts (autocomplete, the tag manager) and the
// operations on them. Tagging clips goes through `tagClips` in chunks the contract
// accepts; the core then emits `library-changed`, which refreshes the list.

export interface TagCount {
  name: string
  count: number
}

export { MAX_IDS_PER_CALL }

export function chunkIds(ids: readonly string[], size = MAX_IDS_PER_CALL): string[][] {
  const out: string[][] = []
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size))
  return out
}

/** The name as the core stores it (schemas.ts tagName): NFC, trimmed, single spaces. */
export function normalizeTag(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ')
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
        set({ tags: [...tags].sort((a, b) => a.name.localeCompare(b.name)), loaded: true })
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
