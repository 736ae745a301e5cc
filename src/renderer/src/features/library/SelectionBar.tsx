import { useState, type JSX } from 'react'
import type { ClipRow } from '../../../../shared/domain'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../../elements/intl-format'
import { useLocale } from '../../hooks/useLocale'
import { useLibraryStore } from '../../store/library-store'
import { useLibraryUiStore } from '../../store/library-ui-store'
import { selectionCount, useSelectionStore } from '../../store/selection-store'
import { useUndoStore } from '../../store/undo-store'
import { exportPlaylist, favoriteTarget, setFavorite } from './bulk'
import { askDeleteSelection, selectedRows } from './interaction'
import { enqueueRows, playSelection } from './play'
import { errorReason } from '../../elements/ui-message'
import { OverflowMenu } from '../../elements/OverflowMenu'

/** Bulk actions on the selection; shown from two selected clips up (one clicked clip is
 * read in the detail panel, and the bar appearing would move the rows under the pointer). */
export function SelectionBar(): JSX.Element | null {
  const { t } = useTranslation()
  const locale = useLocale()
  const total = useLibraryStore((s) => s.total) ?? 0
  const count = useSelectionStore((s) => selectionCount(s, total))
  const all = useSelectionStore((s) => s.all)
  const makeFavorite = useSelectionStore((s) => s.all || favoriteTarget([...s.selected.values()]))
  const clear = useSelectionStore((s) => s.actions.clear)
  const { notify, openDialog } = useLibraryUiStore((s) => s.actions)
  const offerUndo = useUndoStore((s) => s.actions.offer)
  const [busy, setBusy] = useState(false)
  if (count < 2 && !all) return null

  /** Runs an action on the selected rows, with one error notice for every failure. */
  const run = async (action: (rows: ClipRow[]) => Promise<void>): Promise<void> => {
    setBusy(true)
    try {
      const rows = await selectedRows()
      if (rows.length > 0) await action(rows)
    } catch (error) {
      notify('error', t('library.actionFailed', { message: errorReason(error) }))
    } finally {
      setBusy(false)
    }
  }

  /** Play does not resolve a "select all" into rows: it plays the view by reference. */
  const runPlay = async (): Promise<void> => {
    setBusy(true)
    try {
      await playSelection(selectedRows)
    } catch (error) {
      notify(
        'error',
        t('library.actionFailed', { message: (error as Error).message ?? String(error) })
      )
    } finally {
      setBusy(false)
    }
  }

  const exportSelection = (): void =>
    void run(async (rows) => {
      const path = await exportPlaylist(rows.map((r) => r.id))
      if (path) notify('info', t('library.selection.exported', { path }))
    })

  return (
    <div
      className="selection-bar"
      role="group"
      aria-label={t('library.selection.label')}
      aria-busy={busy}
      data-testid="selection-bar"
    >
      <span className="selection-count">
        {all
          ? t('library.selection.all', { n: formatCount(count, locale) })
          : t('library.selection.count', { count, n: formatCount(count, locale) })}
      </span>
      <button type="button" className="text-button" onClick={() => void runPlay()}>
        {t('library.selection.play')}
      </button>
      <button
        type="button"
        className="text-button"
        onClick={() =>
          void run(async (rows) => {
            enqueueRows(rows)
            notify(
              'info',
              t('library.selection.queued', {
                count: rows.length,
                n: formatCount(rows.length, locale)
              })
            )
          })
        }
      >
        {t('library.selection.queue')}
      </button>
      <button
        type="button"
        className="text-button"
        onClick={() => void run(async (rows) => openDialog({ kind: 'tags', rows }))}
      >
        {t('library.selection.tags')}
      </button>
      <button
        type="button"
        className="text-button"
        onClick={() =>
          void run(async (rows) => {
            const { count: changed, undoIds } = await setFavorite(
              rows.map((r) => r.id),
              makeFavorite
            )
            useSelectionStore.setState((s) => ({
              selected: new Map(
                [...s.selected].map(([id, row]) => [id, { ...row, favorite: makeFavorite }])
              )
            }))
            // Undo gives each clip its own earlier state back (library/undo/tag-undo.ts).
            offerUndo('favorite', undoIds, {
              key: makeFavorite ? 'library.selection.favorited' : 'library.selection.unfavorited',
              params: { count: changed, n: formatCount(changed, locale) }
            })
          })
        }
      >
        {makeFavorite ? t('library.selection.favorite') : t('library.selection.unfavorite')}
      </button>
      <button type="button" className="text-button wide-only" onClick={exportSelection}>
        {t('library.selection.export')}
      </button>
      <button type="button" className="text-button" onClick={() => void askDeleteSelection()}>
        {t('library.selection.delete')}
      </button>
      <button type="button" className="text-button quiet" onClick={clear}>
        {t('library.selection.clear')}
      </button>
      <OverflowMenu
        className="narrow-only"
        label={t('layout.more')}
        title={t('layout.moreActions')}
        testId="selection-more"
        items={[{ label: t('library.selection.export'), onSelect: exportSelection }]}
      />
    </div>
  )
}
