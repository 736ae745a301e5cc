import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { SyncState, SyncStatus } from '../../../../shared/domain'
import { errorKey } from '../../elements/ui-message'
import { useSyncStateLive } from '../../hooks/useTasksLive'
import { useAppActions, useAppStore } from '../../store/app-store'
import { useTasksStore } from '../../store/tasks-store'
import '../../elements/buttons.css'
import './banners.css'

type BannerKind = Extract<
  SyncStatus,
  'offline' | 'unreachable' | 'auth' | 'config' | 'disk_full' | 'paused' | 'elsewhere'
>

const TEXT_KEY: Record<BannerKind, string> = {
  offline: 'tasks.banner.offline',
  unreachable: 'tasks.banner.unreachable',
  auth: 'tasks.banner.auth',
  config: 'tasks.banner.config',
  disk_full: 'tasks.banner.diskFull',
  paused: 'tasks.banner.paused',
  elsewhere: 'tasks.banner.elsewhere'
}

const isBanner = (status: SyncStatus): status is BannerKind => status in TEXT_KEY

/** Offline / key problem / missing setup / disk full / paused, and a library folder that
 * is not there: what the user must know above whatever view is open. */
/** The state's reason in the UI's language when it carries a code; the core's words
 * otherwise (issue 13, defect 11). */
function syncMessage(sync: SyncState, t: TFunction): string | null {
  const key = errorKey(sync.messageCode)
  if (!key) return sync.message
  const params = { ...sync.messageParams }
  if (typeof params.who === 'string') {
    params.who = t(`tasks.banner.holder.${params.who}`, { defaultValue: params.who })
  }
  return t(key, params)
}

export function Banners(): JSX.Element | null {
  const { t } = useTranslation()
  useSyncStateLive()
  const sync = useTasksStore((s) => s.sync)
  const { resumeDownloads } = useTasksStore((s) => s.actions)
  const libraryAvailable = useAppStore((s) => s.info?.libraryAvailable ?? true)
  const recovery = useAppStore((s) => s.info?.indexRecovery ?? null)
  const [recoverySeen, setRecoverySeen] = useState(false)
  const showRecovery = recovery !== null && !recoverySeen
  const { setView } = useAppActions()
  const [busy, setBusy] = useState(false)

  const status = sync && isBanner(sync.status) ? sync.status : null
  if (!status && libraryAvailable && !showRecovery) return null

  const resume = (): void => {
    setBusy(true)
    void resumeDownloads()
      .catch(() => undefined)
      .finally(() => setBusy(false))
  }
  const settingsButton = (
    <button type="button" className="text-button" onClick={() => setView('settings')}>
      {t('tasks.banner.openSettings')}
    </button>
  )

  return (
    <div className="banners">
      {showRecovery && (
        <div className="banner tone-info" role="status" data-testid="banner-index-recovered">
          <p>
            {t(
              recovery.rebuilt
                ? 'tasks.banner.indexRecovered'
                : 'tasks.banner.indexRecoveredNoRebuild',
              { clips: recovery.clips, tasks: recovery.tasksRestored, path: recovery.movedTo }
            )}
          </p>
          <button type="button" className="text-button" onClick={() => setRecoverySeen(true)}>
            {t('tasks.banner.dismiss')}
          </button>
        </div>
      )}
      {!libraryAvailable && (
        <div className="banner tone-bad" role="alert" data-testid="banner-library">
          <p>{t('library.unavailable')}</p>
          {settingsButton}
        </div>
      )}
      {status && sync && (
        <div
          className={`banner ${status === 'paused' || status === 'offline' || status === 'elsewhere' ? 'tone-info' : 'tone-bad'}`}
          role={status === 'paused' || status === 'elsewhere' ? 'status' : 'alert'}
          data-testid={`banner-${status}`}
        >
          <p>
            {t(
              status === 'disk_full' && sync.messageCode === 'file_library_missing'
                ? 'errors.file_library_missing'
                : TEXT_KEY[status]
            )}
            {(status === 'auth' || status === 'elsewhere') && sync.message && (
              <>
                {' '}
                <span className="banner-detail">
                  {t('tasks.banner.details')}{' '}
                  <span className="core-message">{syncMessage(sync, t)}</span>
                </span>
              </>
            )}
          </p>
          {(status === 'auth' || status === 'config' || status === 'unreachable') && settingsButton}
          {(status === 'disk_full' || status === 'paused') && (
            <button type="button" className="text-button" disabled={busy} onClick={resume}>
              {t('tasks.banner.resume')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
