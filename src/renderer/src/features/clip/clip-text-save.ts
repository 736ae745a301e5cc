import type { ClipTextResult } from '../../../../shared/clip-title'
import { call } from '../../lib/bridge'
import { useClipStore } from '../../store/clip-store'
import { useUndoStore } from '../../store/undo-store'

// Saving the user's title and note from the detail panel. The open detail takes the answer
// at once; the library's change feed then refreshes the clip's rows everywhere it shows.

function showAnswer(clipId: string, result: ClipTextResult): void {
  const detail = useClipStore.getState().detail
  if (detail?.id !== clipId) return
  useClipStore.setState({
    detail: {
      ...detail,
      title: result.title,
      originalTitle: result.originalTitle,
      note: result.note
    }
  })
}

/** Renames a clip ('' = back to the gateway's title) and offers its undo. */
export async function saveTitle(clipId: string, from: string, typed: string): Promise<void> {
  const result = await call('renameClip', { id: clipId, title: typed })
  showAnswer(clipId, result)
  if (result.changed === 0) return
  useUndoStore
    .getState()
    .actions.offer(
      'clip-rename',
      [result.undoId],
      result.originalTitle === null
        ? { key: 'clipText.reset', params: { title: result.title } }
        : { key: 'clipText.renamed', params: { from, to: result.title } }
    )
}

/** Saves a clip's note ('' clears it). */
export async function saveNote(clipId: string, typed: string): Promise<ClipTextResult> {
  const result = await call('setClipNote', { id: clipId, note: typed })
  showAnswer(clipId, result)
  return result
}
