import { useEffect } from 'react'
import { applyLanguage, applyTheme } from '../features/settings/apply-preferences'
import { useSettingsStore } from '../store/settings-store'

/** Loads the settings once and applies the saved language and theme, now and whenever they
 * change. Mount once, near the root. */
export function useApplyPreferences(): void {
  const language = useSettingsStore((s) => s.settings?.language)
  const theme = useSettingsStore((s) => s.settings?.theme)
  const { load } = useSettingsStore((s) => s.actions)

  useEffect(() => {
    if (useSettingsStore.getState().status === 'idle') void load()
  }, [load])
  useEffect(() => {
    if (language) applyLanguage(language)
  }, [language])
  useEffect(() => {
    if (theme) applyTheme(theme)
  }, [theme])
}
