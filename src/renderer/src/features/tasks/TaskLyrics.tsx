import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'

/** A lyrics-only task's result: its title, the text on demand, and a copy button. */
export function TaskLyrics({ title, text }: { title: string; text: string }): JSX.Element {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const copy = (): void => {
    void navigator.clipboard
      ?.writeText(text)
      .then(() => setCopied(true))
      .catch(() => setCopied(false))
  }
  return (
    <details className="task-lyrics" data-testid="task-lyrics">
      <summary>
        {t('tasks.lyrics.show')} <span translate="no">{title || t('tasks.lyrics.untitled')}</span>
      </summary>
      <pre className="task-lyrics-text">{text}</pre>
      <button type="button" className="text-button" onClick={copy}>
        {copied ? t('tasks.lyrics.copied') : t('tasks.lyrics.copy')}
      </button>
    </details>
  )
}
