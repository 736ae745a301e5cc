import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipDetail } from '../../../../shared/domain'
import { Glyph } from '../../elements/Glyph'
import { call } from '../../lib/bridge'
import { useClipStore } from '../../store/clip-store'
import { useLibraryStore } from '../../store/library-store'
import { useLibraryUiStore } from '../../store/library-ui-store'
import { exportPlaylist } from '../library/bulk'
import { indexOfClip } from '../../store/library-paging'
import { playFromIndex, playRows, playVideo } from '../library/play'
import { errorReason } from '../../elements/ui-message'

/** The prompt to copy: the description prompt, or in custom mode (no description) the
 * lyrics, which Suno takes as the prompt. */
export function promptOf(clip: Pick<ClipDetail, 'descriptionPrompt' | 'lyrics'>): string | null {
  return clip.descriptionPrompt?.trim() || clip.lyrics?.trim() || null
}

export function ClipActions({ clip }: { clip: ClipDetail }): JSX.Element {
  const { t } = useTranslation()
  const { notify, openDialog } = useLibraryUiStore((s) => s.actions)
  const setFavorite = useClipStore((s) => s.actions.setFavorite)
  const prompt = promptOf(clip)
  // A failed generation has no file and never will: no play, reveal or export for it.
  const files = !clip.generationFailed

  const attempt = async (action: () => Promise<void>): Promise<void> => {
    try {
      await action()
    } catch (error) {
      notify('error', t('library.actionFailed', { message: errorReason(error) }))
    }
  }

  const play = (): void => {
    const index = indexOfClip(useLibraryStore.getState().pages, clip.id)
    if (index >= 0) playFromIndex(index)
    else playRows([clip])
  }

  const copy = (text: string, done: string): Promise<void> =>
    attempt(async () => {
      await navigator.clipboard.writeText(text)
      notify('info', done)
    })

  return (
    <div className="clip-actions" role="group" aria-label={t('clip.actions.label')}>
      {files && (
        <button type="button" className="primary" onClick={play} disabled={!clip.hasAudio}>
          <Glyph name="play" size={16} /> {t('clip.actions.play')}
        </button>
      )}
      {clip.hasVideo && (
        <button type="button" className="text-button" onClick={() => playVideo(clip)}>
          <Glyph name="video" size={16} /> {t('clip.actions.playVideo')}
        </button>
      )}
      <button
        type="button"
        className="text-button"
        aria-pressed={clip.favorite}
        onClick={() =>
          void attempt(async () => {
            await setFavorite(!clip.favorite)
          })
        }
      >
        <span aria-hidden="true">{clip.favorite ? '♥' : '♡'}</span> {t('clip.actions.favorite')}
      </button>
      <button
        type="button"
        className="text-button"
        onClick={() => openDialog({ kind: 'tags', rows: [clip] })}
      >
        {t('clip.actions.editTags')}
      </button>
      {files && (
        <button
          type="button"
          className="text-button"
          onClick={() => void attempt(async () => void (await call('revealClip', { id: clip.id })))}
        >
          {t('clip.actions.reveal')}
        </button>
      )}
      <button
        type="button"
        className="text-button"
        disabled={!prompt}
        onClick={() => prompt && void copy(prompt, t('clip.actions.promptCopied'))}
      >
        {t('clip.actions.copyPrompt')}
      </button>
      <button
        type="button"
        className="text-button"
        disabled={!clip.styleTags}
        onClick={() => clip.styleTags && void copy(clip.styleTags, t('clip.actions.styleCopied'))}
      >
        {t('clip.actions.copyStyle')}
      </button>
      {files && (
        <button
          type="button"
          className="text-button"
          onClick={() =>
            void attempt(async () => {
              const path = await exportPlaylist([clip.id], clip.title || undefined)
              if (path) notify('info', t('library.selection.exported', { path }))
            })
          }
        >
          {t('clip.actions.export')}
        </button>
      )}
    </div>
  )
}
