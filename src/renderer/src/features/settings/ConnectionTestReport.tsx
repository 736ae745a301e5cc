import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionTestResult } from '../../../../shared/settings'
import { useLocale } from '../../hooks/useLocale'
import { errorKey } from '../../elements/ui-message'

export type TestOutcome = ConnectionTestResult | { result: 'error'; message: string; code?: string }

/** What a connection test found: a headline, the reason in the UI's language (from the
 * core's code), and Details that add what was asked, the HTTP status and the time taken. */
export function ConnectionTestReport({ test }: { test: TestOutcome }): JSX.Element {
  const { t } = useTranslation()
  const locale = useLocale()
  const reasonKey = errorKey(test.code)
  const report = 'url' in test ? test : null
  const number = new Intl.NumberFormat(locale)
  return (
    <div className={`test-result result-${test.result}`}>
      <p>{t(`settings.test.result.${test.result}`)}</p>
      {reasonKey && test.result !== 'ok' && (
        <p className="test-reason" data-testid="test-reason" data-code={test.code}>
          {t(reasonKey)}
        </p>
      )}
      {(report?.url || (!reasonKey && test.message)) && (
        <details>
          <summary>{t('settings.test.details')}</summary>
          <dl className="test-details" data-testid="test-details">
            {report?.url && (
              <>
                <dt>{t('settings.test.detailUrl')}</dt>
                <dd className="core-message">{report.url}</dd>
                <dt>{t('settings.test.detailStatus')}</dt>
                <dd data-testid="test-status">
                  {report.status ? String(report.status) : t('settings.test.noAnswer')}
                  {report.systemCode ? ` (${report.systemCode})` : ''}
                </dd>
              </>
            )}
            {report?.elapsedMs !== undefined && (
              <>
                <dt>{t('settings.test.detailTime')}</dt>
                <dd>{t('settings.test.ms', { ms: number.format(report.elapsedMs) })}</dd>
              </>
            )}
            {!reasonKey && test.message && (
              <>
                <dt>{t('settings.test.detailMessage')}</dt>
                <dd className="core-message">{test.message}</dd>
              </>
            )}
          </dl>
        </details>
      )}
    </div>
  )
}
