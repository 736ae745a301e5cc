import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/contract'
import { MINI_PLAYER_ACCELERATOR } from '../../shared/mini-player'
import { MENU_STRINGS, type MenuLanguage, type RoleName } from './menu-strings'

/** The View menu's mini player item, found by id when the window opens or closes. */
export const MINI_PLAYER_MENU_ID = 'mini-player'

/** The application menu: standard roles plus Songshelf's commands, which are sent to the
 * renderer as `menu-command` events (the renderer owns the player and the views). */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  send: (command: MenuCommand) => void,
  appName = 'Songshelf',
  language: MenuLanguage = 'en',
  miniPlayer?: { isOpen: () => boolean; toggle: () => void }
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const s = MENU_STRINGS[language]
  /** A standard role, labelled in the menu's language when Electron would say English. */
  const role = (name: RoleName): MenuItemConstructorOptions => {
    const label = s.roles[name]
    return label ? { role: name, label } : { role: name }
  }
  const command = (
    label: string,
    cmd: MenuCommand,
    accelerator?: string
  ): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(cmd)
  })
  const template: MenuItemConstructorOptions[] = []
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        role('about'),
        { type: 'separator' },
        command(s.settings, 'settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        role('services'),
        { type: 'separator' },
        role('hide'),
        role('hideOthers'),
        role('unhide'),
        { type: 'separator' },
        role('quit')
      ]
    })
  }
  template.push({
    label: s.file,
    submenu: [
      command(s.addTasks, 'add-tasks', 'CmdOrCtrl+N'),
      command(s.openLibrary, 'open-library', 'CmdOrCtrl+Shift+O'),
      ...(mac
        ? []
        : [{ type: 'separator' } as const, command(s.settings, 'settings', 'CmdOrCtrl+,')]),
      { type: 'separator' },
      mac ? role('close') : role('quit')
    ]
  })
  template.push({
    label: s.edit,
    submenu: [
      // Undo is Songshelf's: outside a text field it undoes the last delete, tag change or
      // bulk favourite; in a field the renderer runs the field's own undo (the `undo` role's
      // job). The page sees Ctrl/Cmd+Z first: Windows and Linux leave the key to it
      // (registerAccelerator: false; Blink's own Ctrl+Z edits fields), and macOS, which
      // ignores that flag, offers the menu only keys the page did not handle (Electron's
      // electron_api_web_contents_mac.mm, PlatformHandleKeyboardEvent), so a field's
      // Cmd+Z reaches this item and the renderer's execCommand('undo').
      { ...command(s.undo, 'undo'), accelerator: 'CmdOrCtrl+Z', registerAccelerator: false },
      role('redo'),
      { type: 'separator' },
      role('cut'),
      role('copy'),
      role('paste'),
      role('selectAll'),
      { type: 'separator' },
      command(s.search, 'search', 'CmdOrCtrl+F')
    ]
  })
  template.push({
    label: s.playback,
    submenu: [
      // The renderer handles these keys (they must not fire inside text fields, where
      // Shift+arrows select text), so the menu shows them without registering them.
      { ...command(s.playPause, 'play-pause'), accelerator: 'Space', registerAccelerator: false },
      { ...command(s.next, 'next'), accelerator: 'Shift+Right', registerAccelerator: false },
      { ...command(s.previous, 'previous'), accelerator: 'Shift+Left', registerAccelerator: false }
    ]
  })
  template.push({
    label: s.view,
    submenu: [
      // The always-on-top mini player: main's own action (it opens a window), not a
      // renderer command. Registered, so the key works from the mini window too.
      ...(miniPlayer
        ? [
            {
              id: MINI_PLAYER_MENU_ID,
              label: s.miniPlayer,
              type: 'checkbox',
              checked: miniPlayer.isOpen(),
              accelerator: MINI_PLAYER_ACCELERATOR,
              click: () => miniPlayer.toggle()
            } as const,
            { type: 'separator' } as const
          ]
        : []),
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      { type: 'separator' },
      role('togglefullscreen')
    ]
  })
  // Electron fills a bare windowMenu with English items (minimize, zoom, close or front), so
  // another language spells the same submenu out with its own labels.
  template.push(
    language === 'en'
      ? { role: 'windowMenu' }
      : {
          role: 'windowMenu',
          label: s.window,
          submenu: [
            role('minimize'),
            role('zoom'),
            ...(mac ? [{ type: 'separator' } as const, role('front')] : [role('close')])
          ]
        }
  )
  template.push({
    role: 'help',
    ...(language === 'en' ? {} : { label: s.help }),
    submenu: [command(s.shortcuts, 'shortcuts', 'CmdOrCtrl+/')]
  })
  return template
}
