import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipRow } from '../../../../shared/domain'
import { ConfirmDialog } from '../../elements/ConfirmDialog'
import { formatCount } from '../../elements/intl-format'
import { useLocale } from '../../hooks/useLocale'
import { useClipStore } from '../../store/clip-store'
import { useLibraryUiStore } from '../../store/library-ui-store'
import { useSelectionStore } from '../../store/selection-store'
import { useUndoStore } from '../../store/undo-store'
import { deleteClips } from './bulk'
import { errorReason } from '../../elements/ui-message'

/** "Delete N clips?" — the files go to the trash; nothing happens until confirmed. */
export function DeleteDialog({ rows }: { rows: ClipRow[] }): JSX.Element {
  const { t } = useTranslation()
  const locale = useLocale()
  const { closeDialog, notify } = useLibraryUiStore((s) => s.actions)
  const offerUndo = useUndoStore((s) => s.actions.offer)
  const [busy, setBusy] = useState(false)
  const n = formatCount(rows.length, locale)
  const first = rows[0]

  const confirm = async (): Promise<void> => {
    setBusy(true)
    try {
      const ids = rows.map((row) => row.id)
      const { count: deleted, undoIds } = await deleteClips(ids)
      useSelectionStore.getState().actions.clear()
      const openId = useClipStore.getState().openId
      if (openId && ids.includes(openId)) useClipStore.getState().actions.close()
      // "Deleted 2 clips. Undo": the files wait in the library's .trash meanwhile.
      offerUndo('delete', undoIds, {
        key: 'library.delete.done',
        params: { count: deleted, n: formatCount(deleted, locale) }
      })
      closeDialog()
    } catch (error) {
      setBusy(false)
      notify('error', t('library.actionFailed', { message: errorReason(error) }))
    }
  }

  return (
    <ConfirmDialog
      title={
        rows.length === 1 && first
          ? t('library.delete.titleOne', { title: first.title || t('library.untitled') })
          : t('library.delete.title', { count: rows.length, n })
      }
      confirmLabel={t('library.delete.confirm')}
      cancelLabel={t('library.cancel')}
      danger
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={closeDialog}
      testId="delete-dialog"
    >
      <p>{t('library.delete.body')}</p>
    </ConfirmDialog>
  )
}
