import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { UndoKind } from '../../../../shared/undo'
import { useUndoStore } from '../../store/undo-store'

/** "Undo" beside a dialog's own status line (a modal covers the toast): undoes the newest
 * action when it is one of `kinds`, and is absent otherwise. */
export function UndoButton({ kinds }: { kinds: readonly UndoKind[] }): JSX.Element | null {
  const { t } = useTranslation()
  const entry = useUndoStore((s) => s.toast?.entry)
  const busy = useUndoStore((s) => s.busy)
  const undo = useUndoStore((s) => s.actions.undo)
  if (!entry || !kinds.includes(entry.kind)) return null
  return (
    <button type="button" className="text-button" disabled={busy} onClick={() => void undo(entry)}>
      {t('everyday.undo.action')}
    </button>
  )
}
