import { useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ImportAction,
  ImportItem,
  ImportPlan,
  ImportProgress
} from '../../../../shared/import'
import { ModalDialog } from '../../elements/ModalDialog'
import { ProgressMeter } from '../../elements/ProgressMeter'
import { errorReason } from '../../elements/ui-message'
import { useBridgeEvent } from '../../hooks/useBridgeEvent'
import { call, previewImportFiles } from '../../lib/bridge'
import '../../elements/buttons.css'
import './import-preview.css'

// What dropping audio files or folders will do (issue 15): the core's import plan (the
// same dry run as `songshelf import --dry-run`), grouped into imported, merged and
// skipped, before anything is copied; Import carries that plan out with its progress.

type Step =
  | { kind: 'reading' }
  | { kind: 'plan'; plan: ImportPlan }
  | { kind: 'running'; plan: ImportPlan; progress: ImportProgress | null }
  | { kind: 'done'; plan: ImportPlan; imported: number; merged: number; skipped: number }
  | { kind: 'error'; message: string; plan: ImportPlan | null }

const GROUPS: readonly { action: ImportAction; key: string }[] = [
  { action: 'import', key: 'importing.groupImport' },
  { action: 'merge', key: 'importing.groupMerge' },
  { action: 'skip', key: 'importing.groupSkip' }
]

function fileName(path: string): string {
  return path.split(/[\\/]/u).pop() ?? path
}

function ItemRow({ item }: { item: ImportItem }): JSX.Element {
  const { t } = useTranslation()
  const reason = t(`importing.reasons.${item.code}`)
  const source = item.idSource === null ? '' : ` (${t(`importing.idSource.${item.idSource}`)})`
  return (
    <li className="import-item" data-testid="import-item" title={item.source}>
      <span className="import-item-name">{item.title || fileName(item.source)}</span>
      <span className="import-item-file">{fileName(item.source)}</span>
      <span className="import-item-reason">
        {reason}
        {source}
      </span>
    </li>
  )
}

/** `truncated`: the page's own walk of a dropped folder stopped at its limits (preview:web;
 * in the desktop app main walks the folder and says so in the plan). */
export function ImportPreview(props: {
  files: File[]
  truncated?: boolean
  onClose: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const [step, setStep] = useState<Step>({ kind: 'reading' })
  const { files } = props

  useEffect(() => {
    let live = true
    previewImportFiles(files).then(
      (plan) => live && setStep({ kind: 'plan', plan }),
      (error: unknown) =>
        live && setStep({ kind: 'error', message: errorReason(error), plan: null })
    )
    return () => {
      live = false
    }
  }, [files])

  useBridgeEvent('import-progress', (progress) => {
    setStep((now) =>
      now.kind === 'running' && now.plan.planId === progress.planId ? { ...now, progress } : now
    )
  })

  const plan = step.kind === 'reading' ? null : step.plan
  const run = (): void => {
    if (plan === null) return
    setStep({ kind: 'running', plan, progress: null })
    call('runImport', { planId: plan.planId }).then(
      (report) => setStep({ kind: 'done', plan, ...report }),
      (error: unknown) => setStep({ kind: 'error', message: errorReason(error), plan })
    )
  }
  const running = step.kind === 'running'
  const canRun = step.kind === 'plan' && step.plan.imported + step.plan.merged > 0
  const progress = step.kind === 'running' ? step.progress : null

  const footer = (
    <>
      {step.kind === 'done' || step.kind === 'error' ? (
        <button type="button" className="primary" onClick={props.onClose} data-autofocus>
          {t('importing.close')}
        </button>
      ) : (
        <>
          <button type="button" className="text-button" onClick={props.onClose} disabled={running}>
            {t('importing.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={run}
            disabled={!canRun}
            data-testid="import-run"
          >
            {t('importing.run')}
          </button>
        </>
      )}
    </>
  )

  return (
    <ModalDialog
      title={t('importing.title')}
      onClose={() => (running ? undefined : props.onClose())}
      footer={footer}
      className="import-preview"
      testId="import-preview"
    >
      <p>{t('importing.intro')}</p>
      {step.kind === 'reading' && <ProgressMeter value={null} label={t('importing.reading')} />}
      {plan !== null && (
        <>
          <p data-testid="import-summary">
            {t('importing.summary', {
              imported: plan.imported,
              merged: plan.merged,
              skipped: plan.skipped
            })}
          </p>
          {(plan.truncated || props.truncated === true) && (
            <p>{t('importing.truncated', { count: plan.items.length })}</p>
          )}
          {GROUPS.map(({ action, key }) => {
            const items = plan.items.filter((item) => item.action === action)
            if (items.length === 0) return null
            return (
              <section key={action} className="import-group" data-testid={`import-group-${action}`}>
                <h3>
                  {t(key)} ({items.length})
                </h3>
                <ul>
                  {items.map((item) => (
                    <ItemRow key={item.source} item={item} />
                  ))}
                </ul>
              </section>
            )
          })}
        </>
      )}
      {running && (
        <ProgressMeter
          testId="import-progress"
          value={progress === null || progress.total === 0 ? null : progress.done / progress.total}
          label={
            progress === null
              ? t('importing.reading')
              : t(
                  progress.phase === 'reading'
                    ? 'importing.progressReading'
                    : 'importing.progressCopying',
                  { done: progress.done, total: progress.total }
                )
          }
        />
      )}
      <div role="status">
        {step.kind === 'done' && (
          <p data-testid="import-done">
            {t('importing.done', {
              imported: step.imported,
              merged: step.merged,
              skipped: step.skipped
            })}
          </p>
        )}
        {step.kind === 'error' && (
          <p className="import-error" data-testid="import-error">
            {t('importing.failed', { message: step.message })}
          </p>
        )}
      </div>
    </ModalDialog>
  )
}
