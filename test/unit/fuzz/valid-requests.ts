import { join } from 'node:path'
import type { MethodName, RequestOf } from '../../../src/shared/contract'

// One well-formed request per bridge method, so the fuzz test reaches every handler by
// construction before it fuzzes (instead of hoping a seeded draw gets past most schemas).
// Typed by the contract: a new method does not compile until it has an example here.
// The ids name nothing in the library, and the paths lead nowhere writable: a reached
// handler answers or refuses, and changes nothing outside the library.

export interface RequestContext {
  clipId: string
  taskId: string
  /** A folder the library must refuse to move into (its own data folder). */
  dataDir: string
  /** A path that does not exist. */
  nowhere: string
}

export function validRequests(c: RequestContext): { [M in MethodName]: RequestOf<M> } {
  const ids = [c.clipId]
  return {
    getAppInfo: undefined,
    queryLibrary: { search: 'one', limit: 5 },
    getFacets: {},
    findTitleIndex: { prefix: 'O' },
    getClip: { id: c.clipId },
    setFavorite: { ids: ['no-such-clip'], favorite: true },
    tagClips: { ids: ['no-such-clip'], add: ['fuzz'] },
    listTags: undefined,
    renameTag: { from: 'no-such-tag', to: 'other' },
    mergeTags: { from: ['no-such-tag'], into: 'other' },
    deleteTag: { name: 'no-such-tag' },
    recordPlay: { id: 'no-such-clip' },
    renameClip: { id: 'no-such-clip', title: 'Fuzz' },
    setClipNote: { id: 'no-such-clip', note: 'fuzz' },
    deleteClips: { ids: ['no-such-clip'] },
    undo: { id: 'delete-0123456789ab' },
    revealClip: { id: c.clipId },
    exportPlaylist: { ids },
    startDrag: { ids },
    addTasks: { text: 'nothing to add' },
    listTasks: undefined,
    retryTasks: { ids: ['no-such-task'] },
    removeTasks: { ids: ['no-such-task'] },
    pollNow: undefined,
    getSyncState: undefined,
    pauseDownloads: undefined,
    resumeDownloads: undefined,
    retryDownloads: { clipId: 'no-such-clip' },
    redownloadFiles: { clipIds: ['no-such-clip'] },
    getSettings: undefined,
    updateSettings: {},
    setApiKey: { key: 'sk-fuzz' },
    testConnection: {},
    chooseLibraryFolder: undefined,
    changeLibraryFolder: { path: c.dataDir, mode: 'rebuild' },
    openLibraryFolder: undefined,
    listPlaylists: undefined,
    createPlaylist: { name: 'Fuzz' },
    renamePlaylist: { id: 'no-such-playlist', name: 'Fuzz' },
    setSmartRule: { id: 'no-such-playlist', rule: { filter: {} } },
    deletePlaylist: { id: 'no-such-playlist' },
    restorePlaylist: { id: 'no-such-playlist' },
    addToPlaylist: { id: 'no-such-playlist', clipIds: ids },
    removeFromPlaylist: { id: 'no-such-playlist', itemIds: [1] },
    movePlaylistItems: { id: 'no-such-playlist', itemIds: [1], to: 0 },
    queryPlaylist: { id: 'no-such-playlist' },
    playlistClipIds: { id: 'no-such-playlist' },
    importPlaylist: { name: 'Fuzz', text: '#EXTM3U\n' },
    findPlaylistTitleIndex: { id: 'no-such-playlist', prefix: 'O' },
    recordListen: { id: 'no-such-clip', kind: 'start' },
    listHistory: {},
    clearHistory: {},
    getQueue: undefined,
    playQueue: { source: { kind: 'clips', ids } },
    queueWindow: { offset: 0, limit: 10 },
    queueStep: { by: 1 },
    queueJump: { index: 0 },
    queueAdd: { clipIds: ids },
    queueRemove: { index: 0 },
    queueMove: { from: 0, to: 0 },
    clearQueue: undefined,
    setQueueOptions: { repeat: 'off' },
    clipRowsByIds: { ids },
    previewImport: { paths: [join(c.nowhere, 'song.mp3')] },
    runImport: { planId: '00000000-0000-4000-8000-000000000000' },
    setMiniPlayer: { open: false },
    publishPlayerState: {
      clip: { id: c.clipId, title: 'Fuzz', take: null, takes: null, hasCover: false },
      playing: false,
      position: 0,
      duration: 0,
      hasNext: false,
      hasPrevious: false
    },
    sendPlayerCommand: { command: 'seek', sec: 1 }
  }
}
