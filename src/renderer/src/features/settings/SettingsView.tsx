import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'

export function SettingsView(): JSX.Element {
  const { t } = useTranslation()
  return (
    <section>
      <h1>{t('settings.title')}</h1>
    </section>
  )
}
