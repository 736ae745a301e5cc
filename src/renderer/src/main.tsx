import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { PublicSettings } from '../../shared/settings'
import { App } from './App'
import { MiniWindow } from './features/mini-window/MiniWindow'
import { applyTheme } from './features/settings/apply-preferences'
import { initI18n, resolveLanguage } from './i18n'
import { call } from './lib/bridge'
import './styles/app.css'

/** The always-on-top mini player window loads the same page with `?view=mini`. */
function isMiniView(): boolean {
  return new URLSearchParams(window.location.search).get('view') === 'mini'
}

// The saved language and theme are read before the first paint, so the window never
// flashes in the wrong language or colours.
async function boot(): Promise<void> {
  let settings: PublicSettings | null = null
  try {
    settings = await call('getSettings')
  } catch {
    settings = null
  }
  initI18n(resolveLanguage(settings?.language, navigator.language))
  if (settings) applyTheme(settings.theme)
  const root = document.getElementById('root')
  if (!root) return
  createRoot(root).render(<StrictMode>{isMiniView() ? <MiniWindow /> : <App />}</StrictMode>)
}

void boot()
