import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { zhCN } from './zh-CN'

export const LANGUAGES = ['en', 'zh-CN'] as const
export type UiLanguage = (typeof LANGUAGES)[number]

/** Picks the UI language from the setting, falling back to the OS/browser language. */
export function resolveLanguage(
  setting: string | undefined,
  navigatorLanguage: string
): UiLanguage {
  if (setting === 'en' || setting === 'zh-CN') return setting
  return navigatorLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export function initI18n(language: UiLanguage): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false
  })
  return i18next
}
