import { cleanup } from '@testing-library/react'
import i18next from 'i18next'
import { afterEach, beforeEach, vi } from 'vitest'
import type { ClipRow, SyncState, TaskRow } from '../../../../src/shared/domain'
import type { PublicSettings } from '../../../../src/shared/settings'
import { initI18n } from '../../../../src/renderer/src/i18n'
import { rememberRows } from '../support/fake-queue'

// Shared set-up for the player/tasks/settings component tests: English UI, media elements
// that "play" without a real decoder, cleanup after each test. Stores are reset between
// tests by the registry in ../setup.ts.

export function useRendererTestSetup(): void {
  beforeEach(async () => {
    if (!i18next.isInitialized) initI18n('en')
    await i18next.changeLanguage('en')
    localStorage.clear()
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve())
    vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined)
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })
}

/** A slim row; the fake queue knows it by id (the store sends only ids to the queue). */
export function clip(id: string, overrides: Partial<ClipRow> = {}): ClipRow {
  const row: ClipRow = {
    id,
    taskId: `task-${id}`,
    title: `Song ${id}`,
    styleTags: 'synthwave',
    model: 'chirp-v4',
    durationSec: 180,
    createdAt: 1_760_000_000_000,
    addedAt: 1_760_000_000_000,
    favorite: false,
    plays: 0,
    lastPlayedAt: null,
    userTags: [],
    hasAudio: true,
    hasVideo: false,
    hasCover: false,
    downloadState: 'done',
    generationFailed: false,
    ...overrides
  }
  rememberRows([row])
  return row
}

export function clips(count: number): ClipRow[] {
  return Array.from({ length: count }, (_, i) => clip(`c${i}`))
}

export function settings(overrides: Partial<PublicSettings> = {}): PublicSettings {
  return {
    baseUrl: 'https://gateway.example.com',
    pollIntervalSec: 20,
    downloadConcurrency: 3,
    downloadVideo: true,
    libraryDir: '/home/me/Music/Songshelf',
    language: 'en',
    theme: 'system',
    id3Artist: 'Suno',
    id3Album: 'Songshelf',
    notifications: true,
    onboarded: true,
    hasKey: true,
    keyProtection: 'keychain',
    ...overrides
  }
}

export function syncState(overrides: Partial<SyncState> = {}): SyncState {
  return {
    status: 'idle',
    message: null,
    pendingTasks: 0,
    activeDownloads: 0,
    queuedDownloads: 0,
    downloadsPaused: false,
    lastPollAt: null,
    nextPollAt: null,
    ...overrides
  }
}

export function task(id: string, overrides: Partial<TaskRow> = {}): TaskRow {
  return {
    id,
    state: 'pending',
    phase: 'waiting',
    upstreamStatus: 'SUBMITTED',
    failReason: null,
    clipIds: [],
    addedAt: Date.now() - 60_000,
    lastPolledAt: null,
    nextPollAt: null,
    fileErrors: [],
    filesDone: 0,
    filesTotal: 0,
    lyrics: null,
    ...overrides
  }
}

/** Gives jsdom elements a size so the virtual lists render rows. */
export function giveElementsASize(height = 800, width = 1000): void {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width)
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(80)
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(width)
}
