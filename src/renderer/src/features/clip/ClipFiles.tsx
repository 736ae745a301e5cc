import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipFile, MediaKind } from '../../../../shared/domain'
import { formatBytes } from '../../elements/intl-format'
import { useLocale } from '../../hooks/useLocale'
import { BridgeError, call } from '../../lib/bridge'
import { useClipStore } from '../../store/clip-store'
import { fileErrorText } from '../../elements/file-error-text'

/** Error codes of "Download again" that have their own words (the rest show the message
 * main sent). */
const KNOWN_ERRORS = new Set(['not_configured', 'library_unavailable'])

type Outcome = { kind: 'info' | 'error'; text: string }

/** A missing or failed media file of a clip whose generation did not fail can be fetched
 * again from the gateway (issue 12 §3). */
function canFetchAgain(
  file: ClipFile,
  generationFailed: boolean
): file is ClipFile & {
  kind: MediaKind
} {
  return (
    !generationFailed &&
    file.kind !== 'sidecar' &&
    (file.state === 'missing' || file.state === 'failed')
  )
}

/** The clip's files on disk: kind, state, size, why a download failed, and "Download
 * again" for a file that is missing or failed. Keyed by clip id where it is used, so what
 * one clip's "Download again" said is not shown for the next clip. */
export function ClipFiles({
  clipId,
  files,
  generationFailed = false
}: {
  clipId: string
  files: ClipFile[]
  generationFailed?: boolean
}): JSX.Element | null {
  const { t } = useTranslation()
  const locale = useLocale()
  const reload = useClipStore((s) => s.actions.reload)
  const [busy, setBusy] = useState<MediaKind | null>(null)
  const [outcomes, setOutcomes] = useState<Partial<Record<MediaKind, Outcome>>>({})
  if (files.length === 0) return null

  const fetchAgain = async (kind: MediaKind): Promise<void> => {
    setBusy(kind)
    let outcome: Outcome
    try {
      const result = await call('redownloadFiles', { clipIds: [clipId], kind })
      const refused = result.refused[0]
      outcome =
        refused === undefined
          ? { kind: 'info', text: t('clip.files.again.queued') }
          : { kind: 'error', text: t(`clip.files.again.refused.${refused.code}`) }
    } catch (error) {
      const code = error instanceof BridgeError ? error.code : ''
      outcome = {
        kind: 'error',
        text: KNOWN_ERRORS.has(code)
          ? t(`clip.files.again.error.${code}`)
          : t('clip.files.again.failed', { message: (error as Error).message })
      }
    }
    setOutcomes((all) => ({ ...all, [kind]: outcome }))
    setBusy(null)
    await reload()
  }

  return (
    <section className="clip-section" aria-labelledby="clip-files">
      <h3 id="clip-files">{t('clip.files.title')}</h3>
      <ul className="clip-files" data-testid="clip-files">
        {files.map((file) => {
          const outcome = file.kind === 'sidecar' ? undefined : outcomes[file.kind]
          const kindLabel = t(`clip.files.kind.${file.kind}`)
          return (
            <li key={file.kind} className={`file-state-${file.state}`}>
              <span className="file-kind">{kindLabel}</span>
              <span className="file-state">{t(`clip.files.state.${file.state}`)}</span>
              {file.bytes !== null && file.state !== 'missing' && (
                <span className="file-size">{formatBytes(file.bytes, locale)}</span>
              )}
              {file.state === 'missing' ? (
                <span className="file-error">{t('clip.files.missingHint')}</span>
              ) : (
                file.error &&
                (fileErrorText(file) !== null ? (
                  <span className="file-error" data-testid="file-error">
                    {fileErrorText(file)}
                  </span>
                ) : (
                  <span className="file-error core-message" data-testid="file-error">
                    {file.error}
                  </span>
                ))
              )}
              {canFetchAgain(file, generationFailed) && (
                <button
                  type="button"
                  className="text-button"
                  disabled={busy !== null}
                  aria-label={t('clip.files.again.label', { kind: kindLabel })}
                  onClick={() => void fetchAgain(file.kind)}
                >
                  {t('clip.files.again.button')}
                </button>
              )}
              {outcome && (
                <span
                  role={outcome.kind === 'error' ? 'alert' : 'status'}
                  className={outcome.kind === 'error' ? 'file-error' : 'file-size'}
                >
                  {outcome.text}
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
