import { useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipRow } from '../../../../shared/domain'
import { formatCount } from '../../elements/intl-format'
import { ModalDialog } from '../../elements/ModalDialog'
import { SuggestInput } from '../../elements/SuggestInput'
import { useLocale } from '../../hooks/useLocale'
import { compareNames, tagKey } from '../../../../shared/text'
import { normalizeTag, useLibraryTagsStore } from '../../store/library-tags-store'
import { useLibraryUiStore } from '../../store/library-ui-store'
import { tagsOnClips } from '../library/bulk'
import '../../elements/buttons.css'
import './tags.css'
import { errorReason } from '../../elements/ui-message'

/** Add and remove user tags on the given clips (the selection, or one clip). Changes
 * apply at once; the input suggests existing tags. */
export function TagEditor({ rows }: { rows: ClipRow[] }): JSX.Element {
  const { t } = useTranslation()
  const locale = useLocale()
  const closeDialog = useLibraryUiStore((s) => s.actions.closeDialog)
  const allTags = useLibraryTagsStore((s) => s.tags)
  const tagActions = useLibraryTagsStore((s) => s.actions)
  const [onClips, setOnClips] = useState(() => tagsOnClips(rows))
  const [text, setText] = useState('')
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null)
  const ids = rows.map((row) => row.id)
  const n = formatCount(rows.length, locale)

  useEffect(() => {
    void tagActions.load().catch(() => undefined)
  }, [tagActions])

  const fail = (error: unknown): void =>
    setStatus({
      kind: 'error',
      text: t('library.actionFailed', { message: errorReason(error) })
    })

  const add = async (name: string): Promise<void> => {
    setText('')
    try {
      await tagActions.tagClips(ids, { add: [name] })
      // The core keeps one tag per identity (tagKey) under the spelling it first stored:
      // show that one, never a second chip for `  Night   Drive ` beside `night drive`.
      const key = tagKey(name)
      const stored = useLibraryTagsStore.getState().tags.find((item) => tagKey(item.name) === key)
      const tag = stored?.name ?? normalizeTag(name)
      setOnClips((list) =>
        [
          ...list.filter((item) => tagKey(item.name) !== key),
          { name: tag, count: rows.length }
        ].sort((a, b) => compareNames(a.name, b.name))
      )
      setStatus({ kind: 'info', text: t('tags.added', { tag, count: rows.length, n }) })
    } catch (error) {
      fail(error)
    }
  }

  const remove = async (name: string): Promise<void> => {
    try {
      await tagActions.tagClips(ids, { remove: [name] })
      setOnClips((list) => list.filter((item) => tagKey(item.name) !== tagKey(name)))
      setStatus({ kind: 'info', text: t('tags.removed', { tag: name, count: rows.length, n }) })
    } catch (error) {
      fail(error)
    }
  }

  const first = rows[0]
  const title =
    rows.length === 1 && first
      ? t('tags.editorTitleOne', { title: first.title || t('library.untitled') })
      : t('tags.editorTitle', { count: rows.length, n })

  return (
    <ModalDialog
      title={title}
      onClose={closeDialog}
      testId="tag-editor"
      footer={
        <button type="button" className="primary" onClick={closeDialog}>
          {t('tags.done')}
        </button>
      }
    >
      <SuggestInput
        id="tag-editor-input"
        label={t('tags.addLabel')}
        placeholder={t('tags.addPlaceholder')}
        value={text}
        onChange={setText}
        onSubmit={(value) => void add(value)}
        candidates={allTags.map((tag) => tag.name)}
        describe={(name) =>
          formatCount(allTags.find((tag) => tag.name === name)?.count ?? 0, locale)
        }
        autoFocus
      />
      <h3 className="tag-list-title">{t('tags.onClips')}</h3>
      {onClips.length === 0 ? (
        <p className="muted">{t('tags.none')}</p>
      ) : (
        <ul className="tag-list" aria-label={t('tags.onClips')}>
          {onClips.map((tag) => (
            <li key={tag.name} className="tag-chip removable">
              <span>{tag.name}</span>
              {rows.length > 1 && tag.count < rows.length && (
                <span className="tag-partial">
                  {t('tags.partial', {
                    count: tag.count,
                    n: formatCount(tag.count, locale),
                    total: n
                  })}
                </span>
              )}
              <button
                type="button"
                className="tag-remove"
                aria-label={t('tags.remove', { tag: tag.name })}
                onClick={() => void remove(tag.name)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" className="tag-status">
        {status?.kind === 'info' && status.text}
      </div>
      <div role="alert" className="tag-status error">
        {status?.kind === 'error' && status.text}
      </div>
    </ModalDialog>
  )
}
