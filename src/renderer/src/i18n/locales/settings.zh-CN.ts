import type { settingsEn } from './settings.en'

export const settingsZhCN: typeof settingsEn = {
  title: '设置'
}
