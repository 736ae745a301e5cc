import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicSettings } from '../../../../shared/settings'
import { ModalDialog } from '../../elements/ModalDialog'
import { errorReason, type UiMessage } from '../../elements/ui-message'
import { call } from '../../lib/bridge'
import { useAppActions } from '../../store/app-store'
import { useSettingsActions } from '../../store/settings-store'

/** Where the songs live. Changing it asks whether to move the files there or to rebuild
 * the library from what the new folder already holds. */
export function LibraryFolderSection({ settings }: { settings: PublicSettings }): JSX.Element {
  const { t } = useTranslation()
  const { changeLibraryFolder } = useSettingsActions()
  const { loadInfo } = useAppActions()
  const [choice, setChoice] = useState<string | null>(null)
  const [mode, setMode] = useState<'move' | 'rebuild'>('move')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<UiMessage | null>(null)

  const choose = async (): Promise<void> => {
    setMessage(null)
    try {
      const { path } = await call('chooseLibraryFolder')
      // The web preview has no folder picker and answers null: nothing to show.
      if (path && path !== settings.libraryDir) setChoice(path)
    } catch (error) {
      setMessage({ key: 'settings.saveFailed', values: { reason: errorReason(error) } })
    }
  }

  const apply = async (): Promise<void> => {
    if (!choice) return
    setBusy(true)
    try {
      await changeLibraryFolder(choice, mode)
      await loadInfo()
      setMessage({ key: mode === 'move' ? 'settings.library.moved' : 'settings.library.rebuilt' })
      setChoice(null)
    } catch (error) {
      setMessage({ key: 'settings.saveFailed', values: { reason: errorReason(error) } })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="settings-section" aria-labelledby="settings-library">
      <h2 id="settings-library">{t('settings.library.title')}</h2>
      <div className="setting">
        <span className="setting-label" id="library-folder-label">
          {t('settings.library.folder')}
        </span>
        <p
          className="folder-path"
          aria-labelledby="library-folder-label"
          translate="no"
          data-testid="settings-library-dir"
        >
          {settings.libraryDir}
        </p>
        <div className="button-row">
          <button type="button" className="text-button" onClick={() => void choose()}>
            {t('settings.library.change')}
          </button>
          <button
            type="button"
            className="text-button"
            onClick={() => void call('openLibraryFolder').catch(() => undefined)}
          >
            {t('settings.library.open')}
          </button>
        </div>
        <p role="status" className="setting-status">
          {message && t(message.key, message.values ?? {})}
        </p>
      </div>
      {choice && (
        <ModalDialog
          title={t('settings.library.dialogTitle')}
          onClose={() => !busy && setChoice(null)}
          footer={
            <>
              <button
                type="button"
                className="text-button"
                disabled={busy}
                onClick={() => setChoice(null)}
              >
                {t('settings.library.cancel')}
              </button>
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void apply()}
              >
                {t('settings.library.apply')}
              </button>
            </>
          }
        >
          <p className="folder-path" translate="no">
            {choice}
          </p>
          <fieldset className="choice-group">
            <legend>{t('settings.library.modeLegend')}</legend>
            <label className="choice">
              <input
                type="radio"
                name="library-mode"
                value="move"
                checked={mode === 'move'}
                data-autofocus
                onChange={() => setMode('move')}
              />
              <span>
                <strong>{t('settings.library.move')}</strong>
                <br />
                <span className="hint">{t('settings.library.moveHint')}</span>
              </span>
            </label>
            <label className="choice">
              <input
                type="radio"
                name="library-mode"
                value="rebuild"
                checked={mode === 'rebuild'}
                onChange={() => setMode('rebuild')}
              />
              <span>
                <strong>{t('settings.library.rebuild')}</strong>
                <br />
                <span className="hint">{t('settings.library.rebuildHint')}</span>
              </span>
            </label>
          </fieldset>
        </ModalDialog>
      )}
    </section>
  )
}
