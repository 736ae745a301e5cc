import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { initI18n, resolveLanguage } from './i18n'
import './styles/app.css'

initI18n(resolveLanguage(undefined, navigator.language))

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
}
