import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipDetail, ClipRef } from '../../../../shared/domain'
import { ClipTitle } from '../../elements/ClipTitle'
import { formatClock } from '../../elements/intl-format'
import { useClipStore } from '../../store/clip-store'
import { LineageEdges } from './LineageEdges'

/** A link to another clip, with its take: "Extended by" lists both takes of an extend,
 * which share one title (issue 13). */
function ClipLink({ clip }: { clip: ClipRef }): JSX.Element {
  const open = useClipStore((s) => s.actions.open)
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => void open(clip.id, { focus: true })}
    >
      <ClipTitle clip={clip} className="link-title" />
    </button>
  )
}

/** Where a clip comes from and what came of it: the clip it extends, the clips that
 * extend it, and the other clip(s) of the same generate call. */
export function ClipLineage({ clip }: { clip: ClipDetail }): JSX.Element | null {
  const { t } = useTranslation()
  const at = clip.continueAt !== null && clip.continueAt > 0 ? formatClock(clip.continueAt) : null
  const hasParent = clip.parent !== null || clip.continueClipId !== null
  const edges = clip.lineage ?? []
  if (
    !hasParent &&
    edges.length === 0 &&
    clip.extendedBy.length === 0 &&
    clip.siblings.length === 0
  )
    return null
  return (
    <section className="clip-section" aria-labelledby="clip-lineage" data-testid="clip-lineage">
      <h3 id="clip-lineage">{t('clip.lineage.title')}</h3>
      {clip.parent ? (
        <p>
          {t('clip.lineage.extends')} <ClipLink clip={clip.parent} />
          {at && <> {t('clip.lineage.at', { time: at })}</>}
        </p>
      ) : (
        clip.continueClipId && (
          <p>
            {t('clip.lineage.extendsMissing', { id: clip.continueClipId })}
            {at && <> {t('clip.lineage.at', { time: at })}</>}
          </p>
        )
      )}
      <LineageEdges edges={edges} />
      {clip.extendedBy.length > 0 && (
        <div>
          <span>{t('clip.lineage.extendedBy')}</span>
          <ul className="link-list">
            {clip.extendedBy.map((child) => (
              <li key={child.id}>
                <ClipLink clip={child} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {clip.siblings.length > 0 && (
        <div>
          <span>{t('clip.lineage.siblings')}</span>
          <ul className="link-list">
            {clip.siblings.map((sibling) => (
              <li key={sibling.id}>
                <ClipLink clip={sibling} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
