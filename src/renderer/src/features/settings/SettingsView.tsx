import { useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language, PublicSettings, Theme } from '../../../../shared/settings'
import { useSettingsStore, type SettingsPatch } from '../../store/settings-store'
import { applyLanguage, applyTheme } from './apply-preferences'
import { GatewaySection } from './GatewaySection'
import { LibraryFolderSection } from './LibraryFolderSection'
import { PlaybackSection } from './PlaybackSection'
import {
  CONCURRENCY_MAX,
  CONCURRENCY_MIN,
  POLL_MAX,
  POLL_MIN,
  validateConcurrency,
  validatePollInterval,
  validateTagText
} from './settings-validation'
import { SavedMark } from './SavedMark'
import { TextSetting } from './TextSetting'
import { errorReason, type UiMessage } from '../../elements/ui-message'
import '../../elements/buttons.css'
import './settings.css'

const LANGUAGES: Language[] = ['system', 'en', 'zh-CN']
const THEMES: Theme[] = ['system', 'light', 'dark']

export function SettingsView(): JSX.Element {
  const { t } = useTranslation()
  const settings = useSettingsStore((s) => s.settings)
  const status = useSettingsStore((s) => s.status)
  const { load } = useSettingsStore((s) => s.actions)

  useEffect(() => {
    void load()
  }, [load])

  return (
    <section className="settings-view">
      <h1>{t('settings.title')}</h1>
      {!settings && status === 'error' && (
        <p className="error-text" role="alert">
          {t('settings.loadFailed')}
        </p>
      )}
      {!settings && status !== 'error' && <p className="hint">{t('app.loading')}</p>}
      {settings && <SettingsForm settings={settings} />}
    </section>
  )
}

function SettingsForm({ settings }: { settings: PublicSettings }): JSX.Element {
  const { t } = useTranslation()
  const { update } = useSettingsStore((s) => s.actions)
  // A failure is said at the top; "Saved." shows beside the field that changed (TextSetting
  // marks its own; the toggles and choices below use `mark`).
  const [saved, setSaved] = useState<UiMessage | null>(null)
  const [mark, setMark] = useState<{ field: string; at: number } | null>(null)
  const markAt = (field: string): number | null => (mark?.field === field ? mark.at : null)

  const save = async (patch: SettingsPatch): Promise<void> => {
    setSaved(null)
    try {
      await update(patch)
      setMark({ field: Object.keys(patch).join(','), at: Date.now() })
    } catch (error) {
      setSaved({ key: 'settings.saveFailed', values: { reason: errorReason(error) } })
      throw error
    }
  }
  const saveQuietly = (patch: SettingsPatch): void => void save(patch).catch(() => undefined)

  return (
    <div className="settings-form">
      <p role="status" className="settings-saved" data-testid="settings-saved">
        {saved && t(saved.key, saved.values ?? {})}
      </p>
      <GatewaySection settings={settings} save={save} />

      <section className="settings-section" aria-labelledby="settings-sync">
        <h2 id="settings-sync">{t('settings.sync.title')}</h2>
        <TextSetting
          label={t('settings.sync.pollInterval')}
          hint={t('settings.sync.pollIntervalHint')}
          value={String(settings.pollIntervalSec)}
          type="number"
          inputMode="numeric"
          min={POLL_MIN}
          max={POLL_MAX}
          testId="setting-poll-interval"
          validate={validatePollInterval}
          errorValues={{ min: POLL_MIN, max: POLL_MAX }}
          onCommit={(value) => save({ pollIntervalSec: Number(value) })}
        />
        <TextSetting
          label={t('settings.sync.concurrency')}
          hint={t('settings.sync.concurrencyHint')}
          value={String(settings.downloadConcurrency)}
          type="number"
          inputMode="numeric"
          min={CONCURRENCY_MIN}
          max={CONCURRENCY_MAX}
          testId="setting-concurrency"
          validate={validateConcurrency}
          errorValues={{ min: CONCURRENCY_MIN, max: CONCURRENCY_MAX }}
          onCommit={(value) => save({ downloadConcurrency: Number(value) })}
        />
        <label className="toggle">
          <input
            type="checkbox"
            checked={settings.downloadVideo}
            onChange={(event) => saveQuietly({ downloadVideo: event.currentTarget.checked })}
          />
          <span>
            {t('settings.sync.downloadVideo')} <SavedMark at={markAt('downloadVideo')} />
            <span className="hint block">{t('settings.sync.downloadVideoHint')}</span>
          </span>
        </label>
      </section>

      <LibraryFolderSection settings={settings} />

      <section className="settings-section" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">{t('settings.appearance.title')}</h2>
        <ChoiceSetting
          name="language"
          label={t('settings.appearance.language')}
          value={settings.language}
          choices={LANGUAGES}
          choiceLabel={(language) => t(`settings.appearance.languages.${language}`)}
          savedAt={markAt('language')}
          onChange={(language) => {
            applyLanguage(language)
            saveQuietly({ language })
          }}
        />
        <ChoiceSetting
          name="theme"
          label={t('settings.appearance.theme')}
          value={settings.theme}
          choices={THEMES}
          choiceLabel={(theme) => t(`settings.appearance.themes.${theme}`)}
          savedAt={markAt('theme')}
          onChange={(theme) => {
            applyTheme(theme)
            saveQuietly({ theme })
          }}
        />
      </section>

      <PlaybackSection />

      <section className="settings-section" aria-labelledby="settings-tags">
        <h2 id="settings-tags">{t('settings.tags.title')}</h2>
        <p className="hint">{t('settings.tags.hint')}</p>
        <TextSetting
          label={t('settings.tags.artist')}
          value={settings.id3Artist}
          validate={validateTagText}
          onCommit={(id3Artist) => save({ id3Artist })}
        />
        <TextSetting
          label={t('settings.tags.album')}
          value={settings.id3Album}
          validate={validateTagText}
          onCommit={(id3Album) => save({ id3Album })}
        />
      </section>

      <section className="settings-section" aria-labelledby="settings-notifications">
        <h2 id="settings-notifications">{t('settings.notifications.title')}</h2>
        <label className="toggle">
          <input
            type="checkbox"
            checked={settings.notifications}
            onChange={(event) => saveQuietly({ notifications: event.currentTarget.checked })}
          />
          <span>
            {t('settings.notifications.label')} <SavedMark at={markAt('notifications')} />
          </span>
        </label>
      </section>
    </div>
  )
}

/** A labelled drop-down over a fixed list of choices. */
function ChoiceSetting<T extends string>(props: {
  name: string
  label: string
  value: T
  choices: readonly T[]
  choiceLabel: (choice: T) => string
  onChange: (choice: T) => void
  savedAt: number | null
}): JSX.Element {
  const id = `setting-${props.name}`
  return (
    <div className="setting">
      <div className="setting-head">
        <label htmlFor={id}>{props.label}</label>
        <SavedMark at={props.savedAt} />
      </div>
      <select
        id={id}
        data-testid={id}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value as T)}
      >
        {props.choices.map((choice) => (
          <option key={choice} value={choice}>
            {props.choiceLabel(choice)}
          </option>
        ))}
      </select>
    </div>
  )
}
