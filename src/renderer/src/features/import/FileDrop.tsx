import { useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { listen } from '../../lib/listen'
import { useTasksStore } from '../../store/tasks-store'
import { activeClipDrag } from '../playlists/clip-drag'
import { kindOfFile, readDroppedFiles } from './dropped-files'
import { filesFromEntries, type DroppedEntry } from './folder-entries'
import { hasNativeDrag } from '../../lib/bridge'
import { ImportPreview } from './ImportPreview'
import './file-drop.css'

type Outcome =
  | { kind: 'added'; added: number; known: number; files: string }
  | { kind: 'noIds'; files: string }
  | { kind: 'skipped'; other: number; tooLarge: number }
  | { kind: 'error'; message: string }

/** True for a drag of files from outside (not rows dragged within the window). */
function isFileDrag(event: DragEvent): boolean {
  return activeClipDrag() === null && (event.dataTransfer?.types.includes('Files') ?? false)
}

/** True when the drop holds audio or a folder: then it is an import, shown first as a
 * preview. Folders are told by their entry; it must be read while the drop event runs. */
function isImportDrop(event: DragEvent, files: readonly File[]): boolean {
  const items = [...(event.dataTransfer?.items ?? [])]
  const folder = items.some((item) => item.webkitGetAsEntry?.()?.isDirectory === true)
  return folder || files.some((file) => kindOfFile(file) === 'audio')
}

/** The drop's file-system entries (files and folders), read while the drop event runs. */
function droppedEntries(event: DragEvent): DroppedEntry[] {
  return [...(event.dataTransfer?.items ?? [])]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null)
    .filter((entry): entry is FileSystemEntry => entry !== null)
}

/** Files dropped anywhere on the window: audio files and folders open the import preview;
 * otherwise the task ids inside text files are added (the same extraction as a paste);
 * what cannot be used is said, in plain words. */
export function FileDrop(): JSX.Element {
  const { t } = useTranslation()
  const [over, setOver] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [importing, setImporting] = useState<{ files: File[]; truncated: boolean } | null>(null)

  useEffect(() => {
    let depth = 0
    const onEnter = (event: DragEvent): void => {
      if (!isFileDrag(event)) return
      depth++
      setOver(true)
    }
    const onOver = (event: DragEvent): void => {
      if (!isFileDrag(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onLeave = (event: DragEvent): void => {
      if (!isFileDrag(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const onDrop = (event: DragEvent): void => {
      depth = 0
      setOver(false)
      if (!isFileDrag(event)) return
      event.preventDefault()
      const files = [...(event.dataTransfer?.files ?? [])]
      // In a browser a folder comes as its entry, only readable during this event; the
      // desktop app's preload turns it into a path that main walks instead.
      const entries = hasNativeDrag() ? [] : droppedEntries(event)
      if (entries.some((entry) => entry.isDirectory)) {
        setOutcome(null)
        void filesFromEntries(entries).then(
          (walk) =>
            walk.files.length > 0
              ? setImporting({ files: walk.files, truncated: walk.truncated })
              : setOutcome({ kind: 'skipped', other: entries.length, tooLarge: 0 }),
          (error: unknown) =>
            setOutcome({
              kind: 'error',
              message: error instanceof Error ? error.message : String(error)
            })
        )
        return
      }
      if (isImportDrop(event, files)) {
        setOutcome(null)
        setImporting({ files, truncated: false })
        return
      }
      void handle(files).then(setOutcome, (error: unknown) =>
        setOutcome({
          kind: 'error',
          message: error instanceof Error ? error.message : String(error)
        })
      )
    }
    return listen<WindowEventMap>(window, {
      dragenter: onEnter,
      dragover: onOver,
      dragleave: onLeave,
      drop: onDrop
    })
  }, [])

  let text = ''
  if (outcome?.kind === 'added') {
    text = t('living.drop.added', {
      count: outcome.added,
      known: outcome.known,
      files: outcome.files
    })
  } else if (outcome?.kind === 'noIds') text = t('living.drop.noIds', { files: outcome.files })
  else if (outcome?.kind === 'skipped') {
    text = [
      outcome.tooLarge > 0 ? t('living.drop.tooLarge', { count: outcome.tooLarge }) : '',
      outcome.other > 0 ? t('living.drop.other', { count: outcome.other }) : ''
    ]
      .filter(Boolean)
      .join(' ')
  } else if (outcome?.kind === 'error') text = t('living.drop.failed', { message: outcome.message })

  return (
    <>
      {importing !== null && (
        <ImportPreview
          files={importing.files}
          truncated={importing.truncated}
          onClose={() => setImporting(null)}
        />
      )}
      {over && (
        <div className="file-drop-overlay" data-testid="file-drop-overlay" aria-hidden="true">
          <p>{t('living.drop.hint')}</p>
        </div>
      )}
      <div role="status" className="file-drop-notice-slot">
        {outcome && (
          <div className="notice file-drop-notice" data-testid="file-drop-notice">
            <span>{text}</span>
            <button
              type="button"
              className="round-button"
              aria-label={t('living.playlist.dismiss')}
              onClick={() => setOutcome(null)}
            >
              ×
            </button>
          </div>
        )}
      </div>
    </>
  )
}

async function handle(files: File[]): Promise<Outcome> {
  const reading = await readDroppedFiles(files, (file) => file.text())
  const names = reading.read.join(', ')
  if (reading.read.length === 0) {
    return {
      kind: 'skipped',
      other: reading.other.length,
      tooLarge: reading.tooLarge.length
    }
  }
  if (reading.ids.length === 0) return { kind: 'noIds', files: names }
  const result = await useTasksStore.getState().actions.add(reading.ids)
  return { kind: 'added', added: result.added.length, known: result.known.length, files: names }
}
