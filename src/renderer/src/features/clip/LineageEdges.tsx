import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipDetail } from '../../../../shared/domain'
import { formatClock } from '../../elements/intl-format'
import { useClipStore } from '../../store/clip-store'

type Edge = NonNullable<ClipDetail['lineage']>[number]

/** Upstream lineage (issue 16): "Remaster of…", "Cover of…", "Stem of…", "Extended from
 * … at 1:23". The other clip is a link when it is in the library, its id otherwise. */
export function LineageEdges({ edges }: { edges: readonly Edge[] }): JSX.Element | null {
  const { t } = useTranslation()
  const open = useClipStore((s) => s.actions.open)
  if (edges.length === 0) return null
  return (
    <ul className="link-list" data-testid="clip-lineage-edges">
      {edges.map((edge) => (
        <li key={`${edge.kind}:${edge.clipId}`} data-kind={edge.kind}>
          {t(`clip.lineage.edge.${edge.kind}`)}{' '}
          {edge.title !== null ? (
            <button
              type="button"
              className="link-button"
              onClick={() => void open(edge.clipId, { focus: true })}
            >
              {edge.title || t('library.untitled')}
            </button>
          ) : (
            <code translate="no">{edge.clipId}</code>
          )}
          {edge.atSec !== null && edge.atSec > 0 && (
            <> {t('clip.lineage.at', { time: formatClock(edge.atSec) })}</>
          )}
        </li>
      ))}
    </ul>
  )
}
