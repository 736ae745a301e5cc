// One home for the limits that the bridge schemas (main), the settings file's schema
// (electron-store) and the renderer's forms and chunkers must agree on. A copy that
// drifts turns into `invalid_request` at run time, so every edge imports these.

/** The most ids one bridge call takes (task ids per paste, clip ids per bulk action). */
export const MAX_IDS_PER_CALL = 5000

/** Seconds between polls of a young task. */
export const POLL_SECONDS = { min: 5, max: 3600 } as const
/** Downloads running at once. */
export const DOWNLOAD_CONCURRENCY = { min: 1, max: 8 } as const
/** ID3 artist and album written into every mp3. */
export const ID3_TEXT_MAX = 200
/** The characters a playlist name keeps. */
export const PLAYLIST_NAME_MAX = 120
/** The gateway base URL. */
export const BASE_URL_MAX = 2000

export const LANGUAGES = ['system', 'en', 'zh-CN'] as const
export const THEMES = ['system', 'light', 'dark'] as const
