import { useEffect, useState, type JSX, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../../elements/intl-format'
import { ModalDialog } from '../../elements/ModalDialog'
import { useLocale } from '../../hooks/useLocale'
import { useLibraryStore } from '../../store/library-store'
import { normalizeTag, useLibraryTagsStore, type TagCount } from '../../store/library-tags-store'
import { useLibraryUiStore } from '../../store/library-ui-store'
import '../../elements/buttons.css'
import './tags.css'
import { errorReason } from '../../elements/ui-message'
import { onUndone } from '../../store/undo-store'
import { UndoButton } from '../undo/UndoButton'

const TAG_UNDO = ['tag-delete', 'tag-merge', 'tag-rename'] as const

type Mode =
  { kind: 'idle' } | { kind: 'rename'; tag: string; text: string } | { kind: 'delete'; tag: string }

/** What "merge" sends: every checked tag except the target itself. */
export function mergeSources(checked: readonly string[], into: string): string[] {
  const target = normalizeTag(into)
  return checked.filter((name) => name !== target)
}

/** Rename, merge and delete the user's tags. Deleting asks first (inline, not a second
 * dialog over this one). */
export function TagManager(): JSX.Element {
  const { t } = useTranslation()
  const locale = useLocale()
  const closeDialog = useLibraryUiStore((s) => s.actions.closeDialog)
  const tags = useLibraryTagsStore((s) => s.tags)
  const loaded = useLibraryTagsStore((s) => s.loaded)
  const actions = useLibraryTagsStore((s) => s.actions)
  const [mode, setMode] = useState<Mode>({ kind: 'idle' })
  const [checked, setChecked] = useState<string[]>([])
  const [mergeInto, setMergeInto] = useState('')
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null)

  // An undo (here, from the toast or Ctrl/Cmd+Z) changed the tags: show them as they are.
  useEffect(
    () =>
      onUndone(() => {
        setStatus(null)
        void actions.load()
      }),
    [actions]
  )

  useEffect(() => {
    void actions.load().catch((error: unknown) =>
      setStatus({
        kind: 'error',
        text: t('library.actionFailed', { message: errorReason(error) })
      })
    )
  }, [actions, t])

  const run = async (work: () => Promise<string>): Promise<void> => {
    try {
      const text = await work()
      setStatus({ kind: 'info', text })
      setMode({ kind: 'idle' })
    } catch (error) {
      setStatus({
        kind: 'error',
        text: t('library.actionFailed', { message: errorReason(error) })
      })
    }
  }

  const rename = (from: string, to: string): Promise<void> =>
    run(async () => {
      const target = normalizeTag(to)
      await actions.rename(from, target)
      // A tag filter on the old name would now match nothing.
      const filterTags = useLibraryStore.getState().filter.userTags ?? []
      if (filterTags.includes(from)) {
        const library = useLibraryStore.getState().actions
        library.toggleUserTag(from)
        if (!filterTags.includes(target)) library.toggleUserTag(target)
      }
      return t('tags.renamed', { from, to: target })
    })

  const remove = (name: string): Promise<void> =>
    run(async () => {
      await actions.remove(name)
      setChecked((list) => list.filter((n) => n !== name))
      if (useLibraryStore.getState().filter.userTags?.includes(name)) {
        useLibraryStore.getState().actions.toggleUserTag(name)
      }
      return t('tags.deleted', { tag: name })
    })

  const merge = (): Promise<void> =>
    run(async () => {
      const into = normalizeTag(mergeInto || checked[0] || '')
      const from = mergeSources(checked, into)
      await actions.merge(from, into)
      setChecked([])
      setMergeInto('')
      return t('tags.merged', { count: from.length, into })
    })

  const toggleChecked = (name: string): void =>
    setChecked((list) => (list.includes(name) ? list.filter((n) => n !== name) : [...list, name]))

  const renameKeys = (event: KeyboardEvent<HTMLInputElement>, from: string, text: string): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      if (normalizeTag(text) && normalizeTag(text) !== from) void rename(from, text)
    } else if (event.key === 'Escape') {
      event.stopPropagation()
      setMode({ kind: 'idle' })
    }
  }

  const renderRow = (tag: TagCount): JSX.Element => {
    if (mode.kind === 'rename' && mode.tag === tag.name) {
      return (
        <li key={tag.name} className="manager-row editing">
          <input
            type="text"
            aria-label={t('tags.renameLabel', { tag: tag.name })}
            value={mode.text}
            // Focus on appearing: the user asked to rename this tag.
            ref={(el) => el?.focus()}
            onChange={(e) => setMode({ ...mode, text: e.target.value })}
            onKeyDown={(e) => renameKeys(e, tag.name, mode.text)}
          />
          <button
            type="button"
            className="primary"
            disabled={!normalizeTag(mode.text) || normalizeTag(mode.text) === tag.name}
            onClick={() => void rename(tag.name, mode.text)}
          >
            {t('tags.save')}
          </button>
          <button type="button" className="text-button" onClick={() => setMode({ kind: 'idle' })}>
            {t('library.cancel')}
          </button>
        </li>
      )
    }
    if (mode.kind === 'delete' && mode.tag === tag.name) {
      return (
        <li key={tag.name} className="manager-row confirming" role="group" aria-label={tag.name}>
          <span>
            {t('tags.deleteConfirm', {
              tag: tag.name,
              count: tag.count,
              n: formatCount(tag.count, locale)
            })}
          </span>
          <button
            type="button"
            className="text-button"
            ref={(el) => el?.focus()}
            onClick={() => setMode({ kind: 'idle' })}
          >
            {t('library.cancel')}
          </button>
          <button type="button" className="primary danger" onClick={() => void remove(tag.name)}>
            {t('tags.delete')}
          </button>
        </li>
      )
    }
    return (
      <li key={tag.name} className="manager-row" data-testid="tag-manager-row">
        <label className="manager-name">
          <input
            type="checkbox"
            checked={checked.includes(tag.name)}
            onChange={() => toggleChecked(tag.name)}
          />
          <span>{tag.name}</span>
        </label>
        <span className="manager-count">{formatCount(tag.count, locale)}</span>
        <button
          type="button"
          className="text-button small"
          aria-label={t('tags.renameLabel', { tag: tag.name })}
          onClick={() => setMode({ kind: 'rename', tag: tag.name, text: tag.name })}
        >
          {t('tags.rename')}
        </button>
        <button
          type="button"
          className="text-button small"
          aria-label={t('tags.deleteLabel', { tag: tag.name })}
          onClick={() => setMode({ kind: 'delete', tag: tag.name })}
        >
          {t('tags.delete')}
        </button>
      </li>
    )
  }

  return (
    <ModalDialog
      title={t('tags.managerTitle')}
      onClose={closeDialog}
      testId="tag-manager"
      className="tag-manager"
      footer={
        <button type="button" className="primary" onClick={closeDialog}>
          {t('tags.done')}
        </button>
      }
    >
      {loaded && tags.length === 0 && <p className="muted">{t('tags.managerEmpty')}</p>}
      <ul className="manager-list">{tags.map(renderRow)}</ul>
      {checked.length >= 2 && (
        <div className="merge-row" role="group" aria-label={t('tags.mergeLabel')}>
          <label>
            {t('tags.mergeInto', { count: checked.length })}{' '}
            <input
              type="text"
              value={mergeInto}
              placeholder={checked[0]}
              onChange={(e) => setMergeInto(e.target.value)}
            />
          </label>
          <button type="button" className="primary" onClick={() => void merge()}>
            {t('tags.merge')}
          </button>
        </div>
      )}
      <div role="status" className="tag-status">
        {status?.kind === 'info' && status.text}
        {status?.kind === 'info' && <UndoButton kinds={TAG_UNDO} />}
      </div>
      <div role="alert" className="tag-status error">
        {status?.kind === 'error' && status.text}
      </div>
    </ModalDialog>
  )
}
