import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { RefusedClip } from '../../../../shared/domain'

// Clip ids the core refused at ingest (issue 12 §4: `../../x`, 129 characters, ESC/BEL):
// those songs were not stored, and the task says so instead of quietly showing fewer.

// C0, DEL, C1, line/paragraph separators and the bidi controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSEEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu

/** The id as text a reader can see whole: every control or bidi character as `\x1b` or
 * `\u202e`, so a hostile id cannot reorder or hide the rest of the line. */
export function visibleId(id: string): string {
  return id.replace(UNSEEN, (char) => {
    const code = char.charCodeAt(0)
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

export function RefusedClips({ clips }: { clips: RefusedClip[] }): JSX.Element | null {
  const { t } = useTranslation()
  if (clips.length === 0) return null
  return (
    <details className="task-refused" data-testid="task-refused">
      <summary>{t('tasks.refused.summary', { count: clips.length })}</summary>
      <p className="task-refused-why">{t('tasks.refused.why')}</p>
      <ul>
        {clips.map((clip, n) => (
          <li key={n}>
            <code translate="no">{visibleId(clip.id)}</code>{' '}
            <span>{t(`tasks.refused.code.${clip.code ?? 'characters'}`)}</span>
          </li>
        ))}
      </ul>
    </details>
  )
}
