import { useEffect, useState } from 'react'
import { call } from '../../lib/bridge'
import { useSettingsStore } from '../../store/settings-store'

/** First run: not onboarded yet, no gateway configured, and nothing in the library. A
 * gateway given on the command line or by an earlier install means step one is done and
 * the empty library view already invites the next step, so no dialog is put in the way. */
export function useOnboardingVisible(): boolean {
  const settings = useSettingsStore((s) => s.settings)
  const candidate =
    settings !== null && !settings.onboarded && (!settings.baseUrl || !settings.hasKey)
  const [empty, setEmpty] = useState<boolean | null>(null)

  useEffect(() => {
    if (!candidate || empty !== null) return
    let live = true
    call('queryLibrary', { limit: 1 })
      .then((page) => live && setEmpty(page.total === 0))
      // When the library cannot answer, do not guess: no walkthrough.
      .catch(() => live && setEmpty(false))
    return () => {
      live = false
    }
  }, [candidate, empty])

  return candidate && empty === true
}
