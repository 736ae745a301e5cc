import type { Language } from '../../shared/settings'

/** The languages the native menu speaks; the same two as the renderer. */
export type MenuLanguage = 'en' | 'zh-CN'

/** `system` follows the OS language (Electron's `app.getLocale()`), as the renderer does
 * with the browser language. */
export function menuLanguage(setting: Language, osLocale: string): MenuLanguage {
  if (setting === 'en' || setting === 'zh-CN') return setting
  return osLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** Labels for Songshelf's own commands, its submenus, and the standard roles. English role
 * labels are left to Electron (and to macOS, which localises them itself); Electron's role
 * defaults are English only, so Chinese gives every role its label. */
export interface MenuStrings {
  file: string
  edit: string
  playback: string
  view: string
  window: string
  help: string
  addTasks: string
  openLibrary: string
  settings: string
  search: string
  undo: string
  playPause: string
  next: string
  previous: string
  shortcuts: string
  miniPlayer: string
  roles: Partial<Record<RoleName, string>>
}

export type RoleName =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'

export const MENU_STRINGS: Readonly<Record<MenuLanguage, MenuStrings>> = {
  en: {
    file: '&File',
    edit: '&Edit',
    playback: '&Playback',
    view: '&View',
    window: '&Window',
    help: '&Help',
    addTasks: 'Add Tasks…',
    openLibrary: 'Open Library Folder',
    settings: 'Settings…',
    search: 'Search',
    undo: 'Undo',
    playPause: 'Play/Pause',
    next: 'Next',
    previous: 'Previous',
    shortcuts: 'Keyboard Shortcuts',
    miniPlayer: 'Mini Player',
    roles: {}
  },
  'zh-CN': {
    file: '文件(&F)',
    edit: '编辑(&E)',
    playback: '播放(&P)',
    view: '视图(&V)',
    window: '窗口(&W)',
    help: '帮助(&H)',
    addTasks: '添加任务…',
    openLibrary: '打开曲库文件夹',
    settings: '设置…',
    search: '搜索',
    undo: '撤销',
    playPause: '播放/暂停',
    next: '下一首',
    previous: '上一首',
    shortcuts: '键盘快捷键',
    miniPlayer: '迷你播放器',
    roles: {
      about: '关于 Songshelf',
      services: '服务',
      hide: '隐藏 Songshelf',
      hideOthers: '隐藏其他',
      unhide: '全部显示',
      quit: '退出 Songshelf',
      close: '关闭窗口',
      undo: '撤销',
      redo: '重做',
      cut: '剪切',
      copy: '复制',
      paste: '粘贴',
      selectAll: '全选',
      resetZoom: '实际大小',
      zoomIn: '放大',
      zoomOut: '缩小',
      togglefullscreen: '切换全屏',
      minimize: '最小化',
      zoom: '缩放',
      front: '全部置于顶层'
    }
  }
}
