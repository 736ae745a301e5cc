import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../../elements/ModalDialog'
import { useAppActions } from '../../store/app-store'
import { useSettingsStore } from '../../store/settings-store'
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
  const { update } = useSettingsStore((s) => s.actions)
  const { setView } = useAppActions()
  const [step, setStep] = useState(1)

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
            <button type="button" className="primary" onClick={() => setStep(step + 1)}>
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
          <GatewaySection settings={settings} headingLevel={3} />
        </>
      )}
      {step === 2 && (
        <>
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
