import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipFile } from '../../../../shared/domain'
import { formatBytes } from '../../elements/intl-format'
import { useLocale } from '../../hooks/useLocale'

/** The clip's files on disk: kind, state, size, and why a download failed. */
export function ClipFiles({ files }: { files: ClipFile[] }): JSX.Element | null {
  const { t } = useTranslation()
  const locale = useLocale()
  if (files.length === 0) return null
  return (
    <section className="clip-section" aria-labelledby="clip-files">
      <h3 id="clip-files">{t('clip.files.title')}</h3>
      <ul className="clip-files" data-testid="clip-files">
        {files.map((file) => (
          <li key={file.kind} className={`file-state-${file.state}`}>
            <span className="file-kind">{t(`clip.files.kind.${file.kind}`)}</span>
            <span className="file-state">{t(`clip.files.state.${file.state}`)}</span>
            {file.bytes !== null && (
              <span className="file-size">{formatBytes(file.bytes, locale)}</span>
            )}
            {file.error && <span className="file-error">{file.error}</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
