import type { SongshelfApi } from '../shared/contract'

declare global {
  interface Window {
    songshelf: SongshelfApi
  }
}
