import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useTypeAheadStore } from './type-ahead'

/** What is being typed into the list, and when no title starts with it; read out by
 * screen readers too (a status region). */
export function TypeAheadHint(): JSX.Element {
  const { t } = useTranslation()
  const text = useTypeAheadStore((s) => s.text)
  const missing = useTypeAheadStore((s) => s.missing)
  return (
    <div role="status" aria-live="polite" className="type-ahead-hint" data-testid="type-ahead">
      {text === '' ? null : (
        <span className={missing ? 'type-ahead-text missing' : 'type-ahead-text'}>
          {t(missing ? 'browse.typeAhead.none' : 'browse.typeAhead.goTo', { text })}
        </span>
      )}
    </div>
  )
}
