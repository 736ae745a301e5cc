import type { App, Dialog, NativeImage, SafeStorage, Shell, WebContents } from 'electron'
import { join } from 'node:path'
import type { KeyProtection } from '../shared/settings'
import type { Host, StoredSettings } from './core/app/host'
import { KeyVault } from './settings/key-vault'
import type { SettingsStore } from './settings/settings-store'

export interface ElectronHostDeps {
  app: App
  dialog: Dialog
  shell: Shell
  safeStorage: SafeStorage
  store: SettingsStore
  /** The window whose drag is in progress (for startDrag) and dialogs' parent. */
  focusedContents: () => WebContents | null
  /** The image under the pointer while dragging songs out of the app. */
  dragIcon: () => NativeImage | string
}

/** The drag image: the app icon at 64 px. The icon file is 1024 px, and startDrag shows
 * its image at full size under the pointer. */
export function dragIcon(
  nativeImage: { createFromPath(path: string): NativeImage },
  iconPath: string
): NativeImage {
  return nativeImage.createFromPath(iconPath).resize({ width: 64, height: 64, quality: 'best' })
}

/** The core's Host in the Electron app: electron-store settings, safeStorage key, OS
 * trash, dialogs and the system browser. */
export function createElectronHost(deps: ElectronHostDeps): Host & { keyVault: KeyVault } {
  const { app, dialog, shell, store } = deps
  const vault = new KeyVault(
    deps.safeStorage,
    {
      read: () => store.get('apiKeyCipher') ?? null,
      write: (value) => store.set('apiKeyCipher', value)
    },
    process.platform
  )
  const defaultLibrary = join(app.getPath('music'), 'Songshelf')
  const read = (): StoredSettings => {
    const { apiKeyCipher: _cipher, windowBounds: _bounds, miniBounds: _mini, ...rest } = store.store
    return { ...rest, libraryDir: rest.libraryDir ?? defaultLibrary }
  }
  return {
    keyVault: vault,
    transport: 'electron',
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    settings: {
      get: read,
      update: (patch) => {
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) store.set(key as keyof StoredSettings, value as never)
        }
        return read()
      },
      getKey: () => vault.get(),
      setKey: (key): KeyProtection => vault.set(key),
      keyProtection: () => vault.protection()
    },
    trash: async (paths) => {
      for (const path of paths) await shell.trashItem(path)
    },
    revealPath: async (path) => shell.showItemInFolder(path),
    openPath: async (path) => {
      await shell.openPath(path)
    },
    chooseFolder: async () => {
      // Since Electron 43 dialogs open in Downloads unless told otherwise
      // (docs/breaking-changes.md 43.0): start at the current library folder.
      const result = await dialog.showOpenDialog({
        defaultPath: read().libraryDir,
        properties: ['openDirectory', 'createDirectory']
      })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    choosePlaylistPath: async (defaultName) => {
      const result = await dialog.showSaveDialog({
        defaultPath: join(read().libraryDir, defaultName),
        filters: [{ name: 'Playlist', extensions: ['m3u8'] }]
      })
      return result.canceled ? null : (result.filePath ?? null)
    },
    startDrag: (paths) => {
      const contents = deps.focusedContents()
      if (!contents || paths.length === 0) return
      contents.startDrag({ file: paths[0] as string, files: paths, icon: deps.dragIcon() })
    }
  }
}
