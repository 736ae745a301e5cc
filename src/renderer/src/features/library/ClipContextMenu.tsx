import { useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlaylistSummary } from '../../../../shared/playlists'
import { labelText } from '../../elements/clip-label-text'
import { call } from '../../lib/bridge'
import { useContextMenuStore } from '../../store/context-menu-store'
import { useLibraryUiStore } from '../../store/library-ui-store'
import { usePlayerStore } from '../../store/player-store'
import { promptOf } from '../clip/ClipActions'
import { useRenameRequest } from '../clip/rename-request'
import { useClipStore } from '../../store/clip-store'
import { setFavorite } from './bulk'
import { enqueueRows, playFromIndex, playNextRows, playRows } from './play'
import { showTaskSongs } from './task-filter'

// The context menu of a clip (list row, grid card, queue entry): the everyday gestures in
// one place. A WAI-ARIA menu: arrows move, Enter/Space act, Escape or a click elsewhere
// closes and gives focus back to where it was.

interface Item {
  id: string
  label: string
  run: () => Promise<void> | void
  disabled?: boolean
}

export function ClipContextMenu(): JSX.Element | null {
  const target = useContextMenuStore((s) => s.target)
  if (!target) return null
  return <OpenMenu key={`${target.clip.id}:${target.x}:${target.y}`} />
}

function OpenMenu(): JSX.Element | null {
  const { t } = useTranslation()
  const target = useContextMenuStore((s) => s.target)
  const { close } = useContextMenuStore((s) => s.actions)
  const { notify, openDialog } = useLibraryUiStore((s) => s.actions)
  const menuRef = useRef<HTMLDivElement>(null)
  const [playlists, setPlaylists] = useState<PlaylistSummary[] | null>(null)
  const [showPlaylists, setShowPlaylists] = useState(false)

  useEffect(() => {
    let live = true
    void call('listPlaylists')
      .then((all) => live && setPlaylists(all.filter((p) => p.kind === 'manual')))
      .catch(() => live && setPlaylists([]))
    return () => {
      live = false
    }
  }, [])

  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus()
    const away = (event: PointerEvent): void => {
      if (!menuRef.current?.contains(event.target as Node)) close()
    }
    document.addEventListener('pointerdown', away, true)
    return () => document.removeEventListener('pointerdown', away, true)
  }, [close])

  if (!target) return null
  const { clip } = target
  const title = labelText(t, clip)
  const playable = clip.hasAudio && !clip.generationFailed
  const files = !clip.generationFailed

  const attempt = async (action: () => Promise<void>): Promise<void> => {
    try {
      await action()
    } catch (error) {
      notify('error', t('library.actionFailed', { message: (error as Error).message }))
    }
  }

  const items: Item[] = [
    {
      id: 'play',
      label: t('everyday.menu.play'),
      disabled: !playable,
      run: () => {
        if (target.queueIndex !== undefined)
          void usePlayerStore.getState().actions.jumpTo(target.queueIndex)
        else if (target.viewIndex !== undefined) playFromIndex(target.viewIndex)
        else playRows([clip])
      }
    },
    {
      id: 'play-next',
      label: t('everyday.menu.playNext'),
      disabled: !playable,
      run: () => {
        playNextRows([clip])
        notify('info', t('everyday.menu.queuedNext', { title }))
      }
    },
    {
      id: 'add-to-queue',
      label: t('everyday.menu.addToQueue'),
      disabled: !playable,
      run: () => {
        enqueueRows([clip])
        notify('info', t('everyday.menu.queued', { title }))
      }
    },
    ...(target.queueIndex !== undefined
      ? [
          {
            id: 'remove-from-queue',
            label: t('everyday.menu.removeFromQueue'),
            run: () =>
              void usePlayerStore.getState().actions.removeFromQueue(target.queueIndex as number)
          }
        ]
      : []),
    {
      id: 'favorite',
      label: clip.favorite ? t('everyday.menu.unfavorite') : t('everyday.menu.favorite'),
      run: () =>
        attempt(async () => {
          await setFavorite([clip.id], !clip.favorite)
        })
    },
    {
      id: 'tags',
      label: t('everyday.menu.tags'),
      run: () => openDialog({ kind: 'tags', rows: [clip] })
    },
    {
      // The detail panel's title takes the edit (ClipTitleEditor), once the clip is open.
      id: 'rename',
      label: t('clipText.rename'),
      run: () => {
        useRenameRequest.getState().start(clip.id)
        void useClipStore.getState().actions.open(clip.id)
      }
    },
    {
      id: 'show-in-folder',
      label: t('everyday.menu.showInFolder'),
      disabled: !files,
      run: () =>
        attempt(async () => {
          await call('revealClip', { id: clip.id })
        })
    },
    {
      id: 'copy-prompt',
      label: t('everyday.menu.copyPrompt'),
      run: () =>
        attempt(async () => {
          const detail = await call('getClip', { id: clip.id })
          const prompt = detail ? promptOf(detail) : null
          if (!prompt) return notify('info', t('everyday.menu.noPrompt'))
          await navigator.clipboard.writeText(prompt)
          notify('info', t('everyday.menu.copied'))
        })
    },
    {
      id: 'show-task',
      label: t('everyday.taskFilter.menu'),
      run: () => showTaskSongs(clip.taskId)
    },
    {
      id: 'delete',
      label: t('everyday.menu.delete'),
      run: () => openDialog({ kind: 'delete', rows: [clip] })
    }
  ]

  const act = (item: Item): void => {
    if (item.disabled) return
    // The menu goes first, so a dialog the action opens gets the focus.
    close()
    void item.run()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const all = [
      ...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])
    ]
    const at = all.indexOf(document.activeElement as HTMLElement)
    const focusAt = (i: number): void => all[(i + all.length) % all.length]?.focus()
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault()
      event.stopPropagation()
      close()
    } else if (event.key === 'ArrowDown') {
      event.preventDefault()
      focusAt(at + 1)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      focusAt(at - 1)
    } else if (event.key === 'Home') {
      event.preventDefault()
      focusAt(0)
    } else if (event.key === 'End') {
      event.preventDefault()
      focusAt(all.length - 1)
    }
    // Keys must not reach the list or the player's shortcuts underneath.
    event.stopPropagation()
  }

  // Kept inside the window (a menu opened near the right or bottom edge).
  const left = Math.max(4, Math.min(target.x, window.innerWidth - 240))
  const top = Math.max(4, Math.min(target.y, window.innerHeight - 380))

  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label={t('everyday.menu.label', { title })}
      className="context-menu"
      data-testid="context-menu"
      style={{ left, top }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          data-item={item.id}
          disabled={item.disabled}
          onClick={() => act(item)}
        >
          {item.label}
        </button>
      ))}
      {playlists !== null && playlists.length > 0 && (
        <>
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={showPlaylists}
            data-item="add-to-playlist"
            onClick={() => setShowPlaylists((open) => !open)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight') {
                event.preventDefault()
                setShowPlaylists(true)
              }
            }}
          >
            {t('everyday.menu.addToPlaylist')} ▸
          </button>
          {showPlaylists && (
            <div
              role="group"
              className="context-submenu"
              aria-label={t('everyday.menu.addToPlaylist')}
            >
              {playlists.map((playlist) => (
                <button
                  key={playlist.id}
                  type="button"
                  role="menuitem"
                  data-item={`playlist-${playlist.id}`}
                  onClick={() =>
                    act({
                      id: playlist.id,
                      label: playlist.name,
                      run: () =>
                        attempt(async () => {
                          await call('addToPlaylist', { id: playlist.id, clipIds: [clip.id] })
                          notify(
                            'info',
                            t('everyday.menu.addedToPlaylist', { name: playlist.name })
                          )
                        })
                    })
                  }
                >
                  {playlist.name}
                </button>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  )
}
