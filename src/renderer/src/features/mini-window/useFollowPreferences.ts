import { useBridgeEvent } from '../../hooks/useBridgeEvent'
import { applyLanguage, applyTheme } from '../settings/apply-preferences'

/** The mini window reads the language and theme when it opens (main.tsx); a change made in
 * the main window's settings while it is open arrives as `preferences-changed` and is
 * applied here at once, as the main window applies it to itself. */
export function useFollowPreferences(): void {
  useBridgeEvent('preferences-changed', ({ language, theme }) => {
    applyLanguage(language)
    applyTheme(theme)
  })
}
