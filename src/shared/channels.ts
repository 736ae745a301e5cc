// Names only, no schemas: the preload and the renderer import this file so that they do
// not bundle zod. contract.ts checks at compile time that these names are exactly the
// contract's methods, and a unit test checks it again at run time.

export const METHOD_NAMES = [
  'getAppInfo',
  'queryLibrary',
  'getFacets',
  'findTitleIndex',
  'getClip',
  'setFavorite',
  'tagClips',
  'listTags',
  'renameTag',
  'mergeTags',
  'deleteTag',
  'recordPlay',
  'renameClip',
  'setClipNote',
  'deleteClips',
  'undo',
  'revealClip',
  'exportPlaylist',
  'startDrag',
  'addTasks',
  'listTasks',
  'retryTasks',
  'removeTasks',
  'pollNow',
  'getSyncState',
  'pauseDownloads',
  'resumeDownloads',
  'retryDownloads',
  'redownloadFiles',
  'getSettings',
  'updateSettings',
  'setApiKey',
  'testConnection',
  'chooseLibraryFolder',
  'changeLibraryFolder',
  'openLibraryFolder',
  'listPlaylists',
  'createPlaylist',
  'renamePlaylist',
  'setSmartRule',
  'deletePlaylist',
  'restorePlaylist',
  'addToPlaylist',
  'removeFromPlaylist',
  'movePlaylistItems',
  'queryPlaylist',
  'playlistClipIds',
  'importPlaylist',
  'findPlaylistTitleIndex',
  'recordListen',
  'listHistory',
  'clearHistory',
  'getQueue',
  'playQueue',
  'queueWindow',
  'queueStep',
  'queueJump',
  'queueAdd',
  'queueRemove',
  'queueMove',
  'clearQueue',
  'setQueueOptions',
  'clipRowsByIds',
  'previewImport',
  'runImport',
  'setMiniPlayer',
  'publishPlayerState',
  'sendPlayerCommand'
] as const

export const EVENT_NAMES = [
  'download-progress',
  'library-changed',
  'sync-state',
  'menu-command',
  'queue-changed',
  'import-progress',
  'player-state',
  'player-command',
  'mini-player',
  'preferences-changed'
] as const

export const MENU_COMMANDS = [
  'add-tasks',
  'search',
  'settings',
  'play-pause',
  'next',
  'previous',
  'open-library',
  'shortcuts',
  'open-clip',
  'undo'
] as const

/** The IPC channel for a method or event: one prefix so main and preload can refuse
 * anything else. */
export function channelOf(name: string): string {
  return `songshelf:${name}`
}
