// Folders dropped on the window in preview:web (issue 15). Electron hands main a folder's
// path and main walks it; a browser page gets no paths, only the drop's file-system
// entries (DataTransferItem.webkitGetAsEntry, a FileSystemDirectoryEntry for a folder,
// read in batches until an empty one), so the page walks them and uploads the files
// through the preview's bounded upload route. The same rules as main's walk: names that
// start with a dot are left out, names in order. Bounded in files and in depth.

/** At most as many files as the preview takes in one drop (preview/upload.ts
 * UPLOAD_LIMITS.filesPerBatch), and folders this deep. */
export const FOLDER_WALK_LIMITS = { files: 200, depth: 8 } as const

/** The parts of FileSystemEntry the walk uses (jsdom has no such classes). */
export interface DroppedEntry {
  readonly name: string
  readonly isFile: boolean
  readonly isDirectory: boolean
}
interface FileEntry extends DroppedEntry {
  file(ok: (file: File) => void, fail?: (error: unknown) => void): void
}
interface DirectoryEntry extends DroppedEntry {
  createReader(): {
    readEntries(ok: (entries: DroppedEntry[]) => void, fail?: (error: unknown) => void): void
  }
}

export interface FolderWalk {
  files: File[]
  /** More files (or deeper folders) were there than the limits take. */
  truncated: boolean
}

const fileOf = (entry: FileEntry): Promise<File> =>
  new Promise((resolve, reject) => entry.file(resolve, reject))

async function childrenOf(entry: DirectoryEntry): Promise<DroppedEntry[]> {
  const reader = entry.createReader()
  const all: DroppedEntry[] = []
  for (;;) {
    const batch = await new Promise<DroppedEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject)
    )
    if (batch.length === 0) return all
    all.push(...batch)
  }
}

const byName = (a: DroppedEntry, b: DroppedEntry): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0

/** The files under the dropped entries (files as they are, folders walked), in drop order
 * then by name. An entry that cannot be read is left out. */
export async function filesFromEntries(
  entries: readonly DroppedEntry[],
  limits: { files: number; depth: number } = FOLDER_WALK_LIMITS
): Promise<FolderWalk> {
  const out: FolderWalk = { files: [], truncated: false }
  const walk = async (list: readonly DroppedEntry[], depth: number): Promise<void> => {
    for (const entry of list) {
      if (out.files.length >= limits.files) {
        out.truncated = true
        return
      }
      if (entry.isFile) {
        const file = await fileOf(entry as FileEntry).catch(() => null)
        if (file) out.files.push(file)
      } else if (entry.isDirectory) {
        if (depth >= limits.depth) {
          out.truncated = true
          continue
        }
        const children = await childrenOf(entry as DirectoryEntry).catch(() => [])
        await walk(children.filter((c) => !c.name.startsWith('.')).sort(byName), depth + 1)
      }
    }
  }
  await walk(entries, 0)
  return out
}
