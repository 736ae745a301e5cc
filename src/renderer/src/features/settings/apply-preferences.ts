import i18next from 'i18next'
import type { Language, Theme } from '../../../../shared/settings'
import { resolveLanguage } from '../../i18n'

/** `system` leaves the choice to prefers-color-scheme (styles/app.css). */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement
  if (theme === 'system') delete root.dataset.theme
  else root.dataset.theme = theme
}

/** Switches the UI language at once; `system` follows the OS language. */
export function applyLanguage(language: Language): void {
  const resolved = resolveLanguage(language, navigator.language)
  document.documentElement.lang = resolved
  if (i18next.language !== resolved) void i18next.changeLanguage(resolved)
}
