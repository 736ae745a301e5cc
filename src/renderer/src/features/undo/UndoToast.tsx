import { useEffect, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { UNDO_FAILED, useUndoStore } from '../../store/undo-store'
import './undo.css'

/** Long enough to reach Undo with the keyboard; Ctrl/Cmd+Z works after it fades too, for
 * as long as the core keeps the action (library/undo/undo-log.ts). */
const TOAST_MS = 8000

/** "Deleted 2 songs. Undo": the last undoable action, or what its undo did. A live
 * region, so screen readers hear it. */
export function UndoToast(): JSX.Element {
  const { t } = useTranslation()
  const toast = useUndoStore((s) => s.toast)
  const busy = useUndoStore((s) => s.busy)
  const { undo, dismiss } = useUndoStore((s) => s.actions)
  useEffect(() => {
    if (!toast || toast.message.key === UNDO_FAILED) return
    const timer = setTimeout(() => dismiss(toast.seq), TOAST_MS)
    return () => clearTimeout(timer)
  }, [toast, dismiss])
  const entry = toast?.entry
  return (
    <div role="status" className="undo-toast-slot">
      {toast && (
        <div
          className={`notice undo-toast ${toast.message.key === UNDO_FAILED ? 'error' : 'info'}`}
          data-testid="undo-toast"
        >
          <span>{t(toast.message.key, toast.message.params ?? {})}</span>
          {entry && (
            <button
              type="button"
              className="text-button"
              disabled={busy}
              onClick={() => void undo(entry)}
            >
              {t('everyday.undo.action')}
            </button>
          )}
          <button
            type="button"
            className="round-button"
            aria-label={t('everyday.undo.dismiss')}
            onClick={() => dismiss(toast.seq)}
          >
            ×
          </button>
        </div>
      )}
    </div>
  )
}
