import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/contract'

/** The application menu: standard roles plus Songshelf's commands, which are sent to the
 * renderer as `menu-command` events (the renderer owns the player and the views). */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  send: (command: MenuCommand) => void,
  appName = 'Songshelf'
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
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
        { role: 'about' },
        { type: 'separator' },
        command('Settings…', 'settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' }
      ]
    })
  }
  template.push({
    label: '&File',
    submenu: [
      command('Add Tasks…', 'add-tasks', 'CmdOrCtrl+N'),
      command('Open Library Folder', 'open-library', 'CmdOrCtrl+Shift+O'),
      ...(mac
        ? []
        : [{ type: 'separator' } as const, command('Settings…', 'settings', 'CmdOrCtrl+,')]),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' }
    ]
  })
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Search', 'search', 'CmdOrCtrl+F')
    ]
  })
  template.push({
    label: '&Playback',
    submenu: [
      // The renderer handles these keys (they must not fire inside text fields, where
      // Shift+arrows select text), so the menu shows them without registering them.
      { ...command('Play/Pause', 'play-pause'), accelerator: 'Space', registerAccelerator: false },
      { ...command('Next', 'next'), accelerator: 'Shift+Right', registerAccelerator: false },
      { ...command('Previous', 'previous'), accelerator: 'Shift+Left', registerAccelerator: false }
    ]
  })
  template.push({
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' }
    ]
  })
  template.push({ role: 'windowMenu' })
  template.push({
    role: 'help',
    submenu: [command('Keyboard Shortcuts', 'shortcuts', 'CmdOrCtrl+/')]
  })
  return template
}
