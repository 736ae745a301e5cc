import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'

/** The gateway's raw answer for a bug report (personal fields already removed in main),
 * pretty-printed on demand, with a copy button. */
export function TaskAnswer({ answer }: { answer: string }): JSX.Element {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const copy = (): void => {
    void navigator.clipboard
      ?.writeText(answer)
      .then(() => setCopied(true))
      .catch(() => setCopied(false))
  }
  return (
    <details className="task-lyrics" data-testid="task-answer">
      <summary>{t('tasks.answer.show')}</summary>
      <pre className="task-lyrics-text" translate="no">
        {pretty(answer)}
      </pre>
      <button type="button" className="text-button" onClick={copy}>
        {copied ? t('tasks.answer.copied') : t('tasks.answer.copy')}
      </button>
    </details>
  )
}

function pretty(answer: string): string {
  try {
    return JSON.stringify(JSON.parse(answer), null, 2)
  } catch {
    return answer
  }
}
