import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'

export function TasksView(): JSX.Element {
  const { t } = useTranslation()
  return (
    <section>
      <h1>{t('tasks.title')}</h1>
    </section>
  )
}
