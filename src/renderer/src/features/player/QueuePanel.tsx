import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState, type DragEvent, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { labelText } from '../../elements/clip-label-text'
import { ClipTitle } from '../../elements/ClipTitle'
import { Glyph } from '../../elements/Glyph'
import { formatClock } from '../../elements/intl-format'
import { usePlayerOverlayActions } from '../../store/player-overlays-store'
import { usePlayerStore } from '../../store/player-store'
import { useQueueEntries } from './useQueueEntries'
import { isMenuKey, openContextMenu } from '../../store/context-menu-store'

const ROW_HEIGHT = 44
const DRAG_TYPE = 'application/x-songshelf-queue-index'

/** The queue: play any entry, reorder with buttons or by dragging, remove, clear. Virtual,
 * and its rows come from the core a chunk at a time: "play all" on a big library is a
 * queue of 100,000 clips held by reference (docs/QUEUE.md). */
export function QueuePanel(): JSX.Element {
  const { t } = useTranslation()
  const length = usePlayerStore((s) => s.length)
  const index = usePlayerStore((s) => s.index)
  const entries = useQueueEntries()
  const { jumpTo, moveInQueue, removeFromQueue, clearQueue } = usePlayerStore((s) => s.actions)
  const { setQueueOpen } = usePlayerOverlayActions()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [dropAt, setDropAt] = useState<number | null>(null)
  const [refocus, setRefocus] = useState<{ index: number; control: string } | null>(null)

  // TanStack Virtual returns fresh functions each render, so the React Compiler skips
  // this component; that is expected and harmless here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 360, height: 400 }
  })

  useEffect(() => {
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' })
    // Only when the panel opens: following every track change would fight the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (!refocus) return
    virtualizer.scrollToIndex(refocus.index)
    const row = scrollRef.current?.querySelector(`[data-queue-index="${refocus.index}"]`)
    const target =
      row?.querySelector<HTMLElement>(`[data-control="${refocus.control}"]:not([disabled])`) ??
      row?.querySelector<HTMLElement>('[data-control="play"]')
    target?.focus()
    setRefocus(null)
  }, [refocus, virtualizer])

  const items = virtualizer.getVirtualItems()
  const firstShown = items[0]?.index ?? 0
  const lastShown = items[items.length - 1]?.index ?? 0
  const { want } = entries
  useEffect(() => {
    if (length > 0) want(firstShown, lastShown)
  }, [want, firstShown, lastShown, length])

  const move = (from: number, to: number, control: string): void => {
    if (to < 0 || to >= length) return
    void moveInQueue(from, to)
    setRefocus({ index: to, control })
  }
  const remove = (at: number): void => {
    void removeFromQueue(at)
    if (length > 1) setRefocus({ index: Math.min(at, length - 2), control: 'remove' })
  }

  const onDrop = (event: DragEvent<HTMLElement>, to: number): void => {
    event.preventDefault()
    const from = Number(event.dataTransfer.getData(DRAG_TYPE))
    setDropAt(null)
    if (Number.isInteger(from)) void moveInQueue(from, from < to ? to - 1 : to)
  }

  return (
    <section
      id="queue-panel"
      className="queue-panel"
      aria-label={t('player.queue.title')}
      data-testid="queue-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          setQueueOpen(false)
          document.getElementById('queue-toggle')?.focus()
        }
      }}
    >
      <header className="queue-header">
        <h2>{t('player.queue.title')}</h2>
        <span className="queue-count">{t('player.queue.count', { count: length })}</span>
        <button
          type="button"
          className="text-button"
          onClick={() => void clearQueue()}
          disabled={length <= 1}
          title={t('player.queue.clearHint')}
        >
          {t('player.queue.clear')}
        </button>
        <button
          type="button"
          className="round-button"
          aria-label={t('player.queue.close')}
          onClick={() => {
            setQueueOpen(false)
            document.getElementById('queue-toggle')?.focus()
          }}
        >
          <Glyph name="close" size={18} />
        </button>
      </header>
      {length === 0 ? (
        <p className="queue-empty">{t('player.queue.empty')}</p>
      ) : (
        <div className="queue-scroll" ref={scrollRef}>
          <ol className="queue-list" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const clip = entries.entryAt(item.index)?.clip
              const i = item.index
              if (!clip) {
                return (
                  <li
                    key={`pending:${i}`}
                    className="queue-row pending"
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    aria-busy="true"
                  />
                )
              }
              const isCurrent = i === index
              return (
                <li
                  key={`${clip.id}:${i}`}
                  data-queue-index={i}
                  className={[
                    'queue-row',
                    isCurrent ? 'current' : '',
                    dropAt === i ? 'drop-before' : ''
                  ].join(' ')}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  aria-current={isCurrent ? 'true' : undefined}
                  draggable
                  onDragStart={(event) => {
                    event.dataTransfer.setData(DRAG_TYPE, String(i))
                    event.dataTransfer.effectAllowed = 'move'
                  }}
                  onDragOver={(event) => {
                    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return
                    event.preventDefault()
                    const rect = event.currentTarget.getBoundingClientRect()
                    setDropAt(event.clientY > rect.top + rect.height / 2 ? i + 1 : i)
                  }}
                  onDragLeave={() => setDropAt(null)}
                  onDrop={(event) => onDrop(event, dropAt ?? i)}
                  onDragEnd={() => setDropAt(null)}
                  onContextMenu={(event) => {
                    event.preventDefault()
                    openContextMenu(clip, event, { queueIndex: i })
                  }}
                  onKeyDown={(event) => {
                    if (!isMenuKey(event)) return
                    event.preventDefault()
                    event.stopPropagation()
                    openContextMenu(clip, event.currentTarget, { queueIndex: i })
                  }}
                >
                  <span className="queue-handle" aria-hidden="true">
                    <Glyph name="drag" size={16} />
                  </span>
                  <button
                    type="button"
                    className="queue-title"
                    data-control="play"
                    onClick={() => void jumpTo(i)}
                    aria-label={t('player.queue.playEntry', {
                      title: labelText(t, clip),
                      position: i + 1
                    })}
                  >
                    <ClipTitle clip={clip} className="queue-title-text" />
                    <span className="queue-duration">{formatClock(clip.durationSec)}</span>
                  </button>
                  <button
                    type="button"
                    className="round-button"
                    data-control="up"
                    disabled={i === 0}
                    aria-label={t('player.queue.moveUp', { title: labelText(t, clip) })}
                    onClick={() => move(i, i - 1, 'up')}
                  >
                    <Glyph name="up" size={18} />
                  </button>
                  <button
                    type="button"
                    className="round-button"
                    data-control="down"
                    disabled={i === length - 1}
                    aria-label={t('player.queue.moveDown', { title: labelText(t, clip) })}
                    onClick={() => move(i, i + 1, 'down')}
                  >
                    <Glyph name="down" size={18} />
                  </button>
                  <button
                    type="button"
                    className="round-button"
                    data-control="remove"
                    aria-label={t('player.queue.remove', { title: labelText(t, clip) })}
                    onClick={() => remove(i)}
                  >
                    <Glyph name="close" size={16} />
                  </button>
                </li>
              )
            })}
          </ol>
        </div>
      )}
    </section>
  )
}
