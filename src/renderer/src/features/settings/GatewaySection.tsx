import { useCallback, useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicSettings } from '../../../../shared/settings'
import { ConnectionTestReport, type TestOutcome } from './ConnectionTestReport'
import { useSettingsActions, type SettingsPatch } from '../../store/settings-store'
import { errorReason, type UiMessage } from '../../elements/ui-message'
import { BridgeError } from '../../lib/bridge'
import { validateBaseUrl } from './settings-validation'
import { TextSetting } from './TextSetting'

interface GatewaySectionProps {
  settings: PublicSettings
  /** Saves a change and reports it (the settings page shows "Saved."). */
  save?: (patch: SettingsPatch) => Promise<void>
  /** Heading level inside the onboarding dialog differs from the settings page. */
  headingLevel?: 2 | 3
  /** Reports the address and key as typed, saved or not (the walkthrough saves them on
   * Next, so a key that was tested but not saved is not lost: issue 13, defect 3). */
  onDrafts?: (drafts: { baseUrl: string; key: string }) => void
}

/** Gateway address, the write-only API key, and "Test connection". Shared by Settings and
 * the first-run walkthrough. */
export function GatewaySection({
  settings,
  save,
  headingLevel = 2,
  onDrafts
}: GatewaySectionProps): JSX.Element {
  const { t } = useTranslation()
  const { update, setApiKey, testConnection } = useSettingsActions()
  const [urlDraft, setUrlDraft] = useState(settings.baseUrl)
  const [keyDraft, setKeyDraft] = useState('')
  const [keyBusy, setKeyBusy] = useState(false)
  const [keyMessage, setKeyMessage] = useState<UiMessage | null>(null)
  const [testing, setTesting] = useState(false)
  const [test, setTest] = useState<TestOutcome | null>(null)
  const onDraft = useCallback((value: string) => setUrlDraft(value), [])
  const [lastSaved, setLastSaved] = useState(settings.baseUrl)
  if (settings.baseUrl !== lastSaved) {
    setLastSaved(settings.baseUrl)
    setUrlDraft(settings.baseUrl)
  }
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  useEffect(() => onDrafts?.({ baseUrl: urlDraft, key: keyDraft }), [onDrafts, urlDraft, keyDraft])

  const saveKey = async (key: string | null): Promise<void> => {
    setKeyBusy(true)
    setKeyMessage(null)
    try {
      await setApiKey(key)
      setKeyDraft('')
      setKeyMessage({ key: key === null ? 'settings.key.removed' : 'settings.key.saved' })
    } catch (error) {
      setKeyMessage({ key: 'settings.saveFailed', values: { reason: errorReason(error) } })
    } finally {
      setKeyBusy(false)
    }
  }

  const runTest = async (): Promise<void> => {
    setTesting(true)
    setTest(null)
    try {
      const baseUrl = urlDraft.trim()
      const key = keyDraft.trim()
      setTest(
        await testConnection({
          ...(baseUrl ? { baseUrl } : {}),
          ...(key ? { key } : {})
        })
      )
    } catch (error) {
      setTest({
        result: 'error',
        message: errorReason(error),
        ...(error instanceof BridgeError ? { code: error.code } : {})
      })
    } finally {
      setTesting(false)
    }
  }

  const urlInvalid = validateBaseUrl(urlDraft) !== null
  const urlEmpty = urlDraft.trim() === ''
  return (
    <section className="settings-section" aria-labelledby="settings-gateway">
      <Heading id="settings-gateway">{t('settings.gateway.title')}</Heading>
      <TextSetting
        id="setting-base-url"
        label={t('settings.gateway.baseUrl')}
        hint={t('settings.gateway.baseUrlHint')}
        value={settings.baseUrl}
        type="url"
        inputMode="url"
        placeholder="https://api.example.com"
        testId="setting-base-url"
        validate={validateBaseUrl}
        onDraftChange={onDraft}
        onCommit={async (baseUrl) => {
          if (save) await save({ baseUrl })
          else await update({ baseUrl })
        }}
      />

      <div className="setting">
        <label htmlFor="setting-api-key">{t('settings.key.label')}</label>
        <p className="key-status" data-testid="key-status" id="setting-api-key-status">
          {settings.hasKey ? t('settings.key.isSet') : t('settings.key.notSet')}{' '}
          {settings.hasKey && t(`settings.key.protection.${settings.keyProtection}`)}
        </p>
        {settings.hasKey && settings.keyProtection === 'weak' && (
          <p className="field-warning" data-testid="key-weak">
            {t('settings.key.weakAdvice')}
          </p>
        )}
        <div className="key-row">
          <input
            id="setting-api-key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={keyDraft}
            data-testid="setting-api-key"
            aria-describedby="setting-api-key-status"
            placeholder={
              settings.hasKey ? t('settings.key.replacePlaceholder') : t('settings.key.placeholder')
            }
            onChange={(event) => setKeyDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && keyDraft.trim()) void saveKey(keyDraft.trim())
            }}
          />
          <button
            type="button"
            className="text-button"
            data-testid="save-key"
            disabled={keyBusy || keyDraft.trim() === ''}
            onClick={() => void saveKey(keyDraft.trim())}
          >
            {t('settings.key.save')}
          </button>
          {settings.hasKey && (
            <button
              type="button"
              className="text-button"
              disabled={keyBusy}
              onClick={() => void saveKey(null)}
            >
              {t('settings.key.remove')}
            </button>
          )}
        </div>
        <p role="status" className="setting-status">
          {keyMessage && t(keyMessage.key, keyMessage.values ?? {})}
        </p>
      </div>

      <div className="setting connection-test">
        <button
          type="button"
          className="primary"
          data-testid="test-connection"
          data-keeps-draft=""
          aria-describedby={urlEmpty ? 'test-needs-address' : undefined}
          disabled={testing || urlInvalid || urlEmpty}
          onClick={() => void runTest()}
        >
          {testing ? t('settings.test.running') : t('settings.test.button')}
        </button>
        <div role="status" aria-live="polite" data-testid="test-result" data-result={test?.result}>
          {urlEmpty && !test && (
            <p className="hint" id="test-needs-address" data-testid="test-needs-address">
              {t('settings.test.needAddress')}
            </p>
          )}
          {test && <ConnectionTestReport test={test} />}
        </div>
      </div>
    </section>
  )
}
