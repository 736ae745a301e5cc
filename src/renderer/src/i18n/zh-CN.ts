import type { Messages } from './en'
import { clipZhCN } from './locales/clip.zh-CN'
import { gesturesZhCN } from './locales/gestures.zh-CN'
import { errorsZhCN } from './locales/errors.zh-CN'
import { libraryZhCN } from './locales/library.zh-CN'
import { onboardingZhCN } from './locales/onboarding.zh-CN'
import { playerZhCN } from './locales/player.zh-CN'
import { settingsZhCN } from './locales/settings.zh-CN'
import { shortcutsZhCN } from './locales/shortcuts.zh-CN'
import { tagsZhCN } from './locales/tags.zh-CN'
import { tasksZhCN } from './locales/tasks.zh-CN'
import { livingZhCN } from './locales/living.zh-CN'
import { everydayZhCN } from './locales/everyday.zh-CN'
import { importZhCN } from './locales/import.zh-CN'
import { browseZhCN } from './locales/browse.zh-CN'
import { layoutZhCN } from './locales/layout.zh-CN'
import { miniWindowZhCN } from './locales/mini.zh-CN'
import { clipTextZhCN } from './locales/clip-text.zh-CN'

export const zhCN: Messages = {
  app: { name: 'Songshelf 歌架', loading: '加载中…' },
  nav: { library: '曲库', tasks: '任务', settings: '设置', sectionMain: '主导航' },
  about: { version: '版本 {{version}}', transport: '运行于 {{transport}}' },
  library: libraryZhCN,
  clip: clipZhCN,
  tags: tagsZhCN,
  player: playerZhCN,
  tasks: tasksZhCN,
  settings: settingsZhCN,
  onboarding: onboardingZhCN,
  shortcuts: shortcutsZhCN,
  living: livingZhCN,
  gestures: gesturesZhCN,
  everyday: everydayZhCN,
  browse: browseZhCN,
  errors: errorsZhCN,
  importing: importZhCN,
  layout: layoutZhCN,
  miniWindow: miniWindowZhCN,
  clipText: clipTextZhCN
}
