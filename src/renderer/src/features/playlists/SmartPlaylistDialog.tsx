import { useState, type JSX, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SortKey } from '../../../../shared/domain'
import type { SmartRule } from '../../../../shared/playlists'
import { ModalDialog } from '../../elements/ModalDialog'
import {
  EMPTY_FORM,
  formToRule,
  PRESETS,
  ruleToForm,
  type PresetName,
  type SmartForm
} from './smart-form'
import { NameField, NameFormFooter, useNameForm } from './name-form'
import '../../elements/buttons.css'

const SORTS: SortKey[] = ['added', 'created', 'title', 'duration', 'plays', 'lastPlayed']
const PRESET_NAMES: PresetName[] = ['neverPlayed', 'mostPlayed', 'favouritesWithVocals']

interface SmartPlaylistDialogProps {
  /** Editing: its name and rule; creating: nothing. */
  name?: string
  rule?: SmartRule | null
  onSubmit: (name: string, rule: SmartRule) => Promise<boolean>
  onClose: () => void
}

/** Builds or edits a smart playlist's saved query over the library's filter language. */
export function SmartPlaylistDialog(props: SmartPlaylistDialogProps): JSX.Element {
  const { t } = useTranslation()
  const editing = props.name !== undefined
  const [form, setForm] = useState<SmartForm>(props.rule ? ruleToForm(props.rule) : EMPTY_FORM)
  const set = <K extends keyof SmartForm>(key: K, value: SmartForm[K]): void =>
    setForm((f) => ({ ...f, [key]: value }))

  const nameForm = useNameForm(
    props.name ?? t('living.smart.untitled'),
    (name) => props.onSubmit(name, formToRule(form)),
    props.onClose
  )
  const applyPreset = (preset: PresetName): void => {
    setForm(ruleToForm(PRESETS[preset]))
    if (!editing) nameForm.setName(t(`living.smart.preset.${preset}`))
  }
  const text = (key: keyof SmartForm, label: string, type = 'text'): ReactNode => (
    <label className="smart-field">
      {label}
      <input
        type={type}
        min={type === 'number' ? 0 : undefined}
        value={String(form[key])}
        onChange={(e) => set(key, e.target.value as never)}
      />
    </label>
  )
  const check = (key: 'favorite' | 'hasVideo' | 'neverPlayed', label: string): ReactNode => (
    <label className="smart-check">
      <input type="checkbox" checked={form[key]} onChange={(e) => set(key, e.target.checked)} />{' '}
      {label}
    </label>
  )

  return (
    <ModalDialog
      title={editing ? t('living.smart.editTitle') : t('living.smart.createTitle')}
      onClose={props.onClose}
      testId="smart-playlist-dialog"
      className="smart-dialog"
    >
      <form className="smart-form" onSubmit={(e) => void nameForm.submit(e)}>
        <div className="smart-presets" role="group" aria-label={t('living.smart.presets')}>
          <span className="muted">{t('living.smart.presets')}</span>
          {PRESET_NAMES.map((preset) => (
            <button
              key={preset}
              type="button"
              className="text-button"
              onClick={() => applyPreset(preset)}
            >
              {t(`living.smart.preset.${preset}`)}
            </button>
          ))}
        </div>
        <NameField form={nameForm} className="smart-field" />
        <fieldset className="smart-grid">
          <legend>{t('living.smart.matching')}</legend>
          {text('search', t('living.smart.search'))}
          {text('styleTag', t('living.smart.style'))}
          {text('model', t('living.smart.model'))}
          {text('userTags', t('living.smart.userTags'))}
          {check('favorite', t('living.smart.favorite'))}
          {check('hasVideo', t('living.smart.hasVideo'))}
          <label className="smart-field">
            {t('living.smart.vocals')}
            <select
              value={form.vocals}
              onChange={(e) => set('vocals', e.target.value as SmartForm['vocals'])}
            >
              <option value="any">{t('living.smart.vocalsAny')}</option>
              <option value="vocals">{t('living.smart.vocalsYes')}</option>
              <option value="instrumental">{t('living.smart.vocalsNo')}</option>
            </select>
          </label>
          {text('addedWithinDays', t('living.smart.addedWithin'), 'number')}
          {text('playedWithinDays', t('living.smart.playedWithin'), 'number')}
          {check('neverPlayed', t('living.smart.neverPlayed'))}
          {text('minPlays', t('living.smart.minPlays'), 'number')}
          {text('durationMin', t('living.smart.durationMin'), 'number')}
          {text('durationMax', t('living.smart.durationMax'), 'number')}
        </fieldset>
        <fieldset className="smart-grid">
          <legend>{t('living.smart.order')}</legend>
          <label className="smart-field">
            {t('living.smart.sort')}
            <select value={form.sort} onChange={(e) => set('sort', e.target.value as SortKey)}>
              {SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`library.sort.${sort}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="smart-field">
            {t('living.smart.dir')}
            <select
              value={form.dir}
              onChange={(e) => set('dir', e.target.value === 'asc' ? 'asc' : 'desc')}
            >
              <option value="desc">{t('living.smart.desc')}</option>
              <option value="asc">{t('living.smart.asc')}</option>
            </select>
          </label>
          {text('limit', t('living.smart.limit'), 'number')}
        </fieldset>
        <NameFormFooter
          form={nameForm}
          submitLabel={editing ? t('living.playlist.save') : t('living.playlist.create')}
          onCancel={props.onClose}
        />
      </form>
    </ModalDialog>
  )
}
