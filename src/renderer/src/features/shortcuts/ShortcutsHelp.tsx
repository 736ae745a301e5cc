import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../../elements/ModalDialog'
import { usePlayerOverlayActions, usePlayerOverlays } from '../../store/player-overlays-store'
import { SHORTCUTS } from './shortcut-map'
import './shortcuts.css'

/** `?`: every shortcut, read from the same table the handler uses. */
export function ShortcutsHelp(): JSX.Element | null {
  const { t } = useTranslation()
  const open = usePlayerOverlays((s) => s.helpOpen)
  const { setHelpOpen } = usePlayerOverlayActions()
  if (!open) return null
  const close = (): void => setHelpOpen(false)
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
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.display.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' + '}
                    <kbd>
                      {key === 'Space'
                        ? t('shortcuts.space')
                        : key === 'Shift'
                          ? t('shortcuts.shift')
                          : key}
                    </kbd>
                  </span>
                ))}
              </td>
              <td>{t(`shortcuts.action.${shortcut.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ModalDialog>
  )
}
