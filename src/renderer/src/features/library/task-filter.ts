import { useAppStore } from '../../store/app-store'
import { LIBRARY_SOURCE, useLibraryStore } from '../../store/library-store'

// "Show songs of this task" (issue 13): from the Tasks view, a row's context menu or a
// clip's detail, the library shows that task's clips only, with a removable chip. The task
// id is part of the filter language (schemas.ts libraryFilter.taskId), so the core answers
// it with the clips_task index, and facets and Play all follow it like any other filter.

export function showTaskSongs(taskId: string): void {
  const library = useLibraryStore.getState().actions
  // The library, not a playlist the list was showing; then the view that shows it.
  library.setSource(LIBRARY_SOURCE)
  library.showTask(taskId)
  useAppStore.getState().actions.setView('library')
}

/** A task id short enough for a chip: a long one (a UUID) by its first eight characters;
 * the chip's tooltip has the whole id. */
export function shortTaskId(id: string): string {
  return id.length > 16 ? `${id.slice(0, 8)}…` : id
}
