import { useCallback, useRef, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../../elements/ModalDialog'
import { useAppActions } from '../../store/app-store'
import { useSettingsStore } from '../../store/settings-store'
import { errorReason, type UiMessage } from '../../elements/ui-message'
import { validateBaseUrl } from '../settings/settings-validation'
import { GatewaySection } from '../settings/GatewaySection'
import { TaskPaste } from '../tasks/TaskPaste'
import { useOnboardingVisible } from './useOnboardingVisible'
import '../settings/settings.css'
import '../tasks/tasks.css'
import './onboarding.css'

const STEPS = 3

/** The first-run walkthrough: connect the gateway, paste task ids, watch them download.
 * Every step can be skipped; finishing or skipping marks the app as onboarded. */
export function Onboarding(): JSX.Element | null {
  const visible = useOnboardingVisible()
  const [closed, setClosed] = useState(false)
  // Once open it stays open: saving the gateway in step one must not end the walkthrough.
  const [opened, setOpened] = useState(false)
  if (visible && !opened) setOpened(true)
  if (!(visible || opened) || closed) return null
  return <Walkthrough onDone={() => setClosed(true)} />
}

function Walkthrough({ onDone }: { onDone: () => void }): JSX.Element | null {
  const { t } = useTranslation()
  const settings = useSettingsStore((s) => s.settings)
  const { update, setApiKey } = useSettingsStore((s) => s.actions)
  const { setView } = useAppActions()
  const [step, setStep] = useState(1)
  const drafts = useRef({ baseUrl: '', key: '' })
  const onDrafts = useCallback((next: { baseUrl: string; key: string }) => {
    drafts.current = next
  }, [])
  const [saving, setSaving] = useState(false)
  const [note, setNote] = useState<UiMessage | null>(null)

  /** Next from step one keeps what was typed: an address and a key that were tested but
   * not saved are saved now, and the next step says so (issue 13, defect 3). */
  const leaveGatewayStep = async (): Promise<void> => {
    if (!settings) return
    const baseUrl = drafts.current.baseUrl.trim()
    const key = drafts.current.key.trim()
    const saveUrl = baseUrl !== '' && baseUrl !== settings.baseUrl && !validateBaseUrl(baseUrl)
    if (!saveUrl && key === '') {
      setNote(null)
      setStep(2)
      return
    }
    setSaving(true)
    try {
      if (saveUrl) await update({ baseUrl })
      if (key !== '') await setApiKey(key)
      setNote({ key: key !== '' ? 'onboarding.savedKey' : 'onboarding.savedAddress' })
      setStep(2)
    } catch (error) {
      setNote({ key: 'onboarding.saveFailed', values: { reason: errorReason(error) } })
    } finally {
      setSaving(false)
    }
  }

  const finish = (view?: 'tasks'): void => {
    onDone()
    if (view) setView(view)
    void update({ onboarded: true }).catch(() => undefined)
  }
  if (!settings) return null

  return (
    <ModalDialog
      title={t('onboarding.title')}
      onClose={() => finish()}
      className="onboarding"
      testId="onboarding"
      footer={
        <>
          <button type="button" className="text-button skip" onClick={() => finish()}>
            {t('onboarding.skip')}
          </button>
          {step > 1 && (
            <button type="button" className="text-button" onClick={() => setStep(step - 1)}>
              {t('onboarding.back')}
            </button>
          )}
          {step < STEPS ? (
            <button
              type="button"
              className="primary"
              disabled={saving}
              onClick={() => (step === 1 ? void leaveGatewayStep() : setStep(step + 1))}
            >
              {t('onboarding.next')}
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => finish('tasks')}>
              {t('onboarding.openTasks')}
            </button>
          )}
        </>
      }
    >
      <p className="onboarding-step" aria-live="polite">
        {t('onboarding.step', { step, total: STEPS })}
      </p>
      {step === 1 && (
        <>
          <p>{t('onboarding.gatewayIntro')}</p>
          <GatewaySection settings={settings} headingLevel={3} onDrafts={onDrafts} />
          {note?.key === 'onboarding.saveFailed' && (
            <p className="field-error" role="alert">
              {t(note.key, note.values ?? {})}
            </p>
          )}
        </>
      )}
      {step === 2 && (
        <>
          {note && note.key !== 'onboarding.saveFailed' && (
            <p className="hint" role="status" data-testid="onboarding-saved">
              {t(note.key, note.values ?? {})}
            </p>
          )}
          <h3>{t('onboarding.pasteTitle')}</h3>
          <p>{t('onboarding.pasteIntro')}</p>
          <TaskPaste
            onAdded={(result) => result.added.length + result.known.length > 0 && setStep(3)}
          />
        </>
      )}
      {step === 3 && (
        <>
          <h3>{t('onboarding.watchTitle')}</h3>
          <p>{t('onboarding.watchIntro')}</p>
          <p className="hint">{t('onboarding.watchHint')}</p>
        </>
      )}
    </ModalDialog>
  )
}
