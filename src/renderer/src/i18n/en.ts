import { clipEn } from './locales/clip.en'
import { gesturesEn } from './locales/gestures.en'
import { errorsEn } from './locales/errors.en'
import { libraryEn } from './locales/library.en'
import { onboardingEn } from './locales/onboarding.en'
import { playerEn } from './locales/player.en'
import { settingsEn } from './locales/settings.en'
import { shortcutsEn } from './locales/shortcuts.en'
import { tagsEn } from './locales/tags.en'
import { tasksEn } from './locales/tasks.en'
import { livingEn } from './locales/living.en'
import { everydayEn } from './locales/everyday.en'
import { importEn } from './locales/import.en'
import { browseEn } from './locales/browse.en'
import { layoutEn } from './locales/layout.en'
import { miniWindowEn } from './locales/mini.en'
import { clipTextEn } from './locales/clip-text.en'

// English strings, one file per feature area in locales/. The zh-CN files must have
// exactly the same keys (typed, and checked by test/unit/renderer/i18n.test.ts).
export const en = {
  app: { name: 'Songshelf', loading: 'Loading…' },
  nav: { library: 'Library', tasks: 'Tasks', settings: 'Settings', sectionMain: 'Main navigation' },
  about: { version: 'Version {{version}}', transport: 'Running in {{transport}}' },
  library: libraryEn,
  clip: clipEn,
  tags: tagsEn,
  player: playerEn,
  tasks: tasksEn,
  settings: settingsEn,
  onboarding: onboardingEn,
  shortcuts: shortcutsEn,
  living: livingEn,
  gestures: gesturesEn,
  everyday: everydayEn,
  browse: browseEn,
  errors: errorsEn,
  importing: importEn,
  layout: layoutEn,
  miniWindow: miniWindowEn,
  clipText: clipTextEn
}

export type Messages = typeof en
