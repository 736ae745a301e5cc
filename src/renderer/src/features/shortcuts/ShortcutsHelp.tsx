import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../../elements/ModalDialog'
import { usePlayerOverlayActions, usePlayerOverlays } from '../../store/player-overlays-store'
import { MENU_KEYS, RESULTS_KEYS, SHORTCUTS } from './shortcut-map'
import './shortcuts.css'

/** `?`: every shortcut, read from the same table the handler uses. */
export function ShortcutsHelp(): JSX.Element | null {
  const { t } = useTranslation()
  const open = usePlayerOverlays((s) => s.helpOpen)
  const { setHelpOpen } = usePlayerOverlayActions()
  if (!open) return null
  const close = (): void => setHelpOpen(false)
  const keyName = (key: string): string =>
    key === 'Space'
      ? t('shortcuts.space')
      : key === 'Shift'
        ? t('shortcuts.shift')
        : key === 'Mod'
          ? t('shortcuts.mod')
          : key
  return (
    <ModalDialog
      title={t('shortcuts.title')}
      onClose={close}
      testId="shortcuts-help"
      footer={
        <button type="button" className="primary" onClick={close}>
          {t('shortcuts.close')}
        </button>
      }
    >
      <p className="hint">{t('shortcuts.intro')}</p>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keyColumn')}</th>
            <th scope="col">{t('shortcuts.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {[
            ...SHORTCUTS.map((s) => ({ display: s.display, label: s.label ?? s.action })),
            ...RESULTS_KEYS,
            ...MENU_KEYS
          ].map((row) => (
            <tr key={row.label}>
              <td>
                {row.display.map((key, i) => (
                  <span key={key}>
                    {i > 0 && (row.label === 'typeAhead' ? ' ' : ' + ')}
                    <kbd>{keyName(key)}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`shortcuts.action.${row.label}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ModalDialog>
  )
}
