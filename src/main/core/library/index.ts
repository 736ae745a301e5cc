// The library: the SQLite index of songs and the files in the library folder.
export { openLibrary, DB_FILE } from './store'
export type {
  CliClip,
  CliFile,
  IndexRecovery,
  LibraryOptions,
  LibraryStore,
  Logger,
  RebuildResult,
  TagChange,
  TagCount
} from './types'
export { LibraryError, LIBRARY_UNAVAILABLE_MESSAGE } from './types'
export { clipStem, fileExtension, relFilePath, sanitizeTitle, isInside } from './naming'
