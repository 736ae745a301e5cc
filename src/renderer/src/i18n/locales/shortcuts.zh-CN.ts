import type { shortcutsEn } from './shortcuts.en'

export const shortcutsZhCN: typeof shortcutsEn = {
  title: '快捷键'
}
