import type { LibraryStore } from '../../../../src/main/core/library/types'
import { T0, clip, downloadAll, task } from './helpers'

// A small library shared by the search and browse tests: Latin, Chinese and Japanese
// titles, tags, favourites, plays, and every file downloaded and finalized.

export const DAY = 86_400_000

export async function seed(store: LibraryStore): Promise<void> {
  store.recordTaskResults(
    [
      task('t1', [
        clip('c-city', {
          title: 'City Lights',
          styleTags: 'dreamy synthwave, female vocals',
          durationSec: 200,
          createdAt: T0
        }),
        clip('c-night', {
          title: '夜晚城市',
          styleTags: 'c-pop, ballad',
          lyrics: '我在夜晚的城市里',
          durationSec: 95,
          createdAt: T0 - DAY,
          model: 'chirp-v3-5'
        })
      ]),
      task('t2', [
        clip('c-cafe', {
          title: 'Café au lait',
          styleTags: 'jazz, lo-fi',
          lyrics: 'Morning coffee',
          durationSec: 150,
          createdAt: T0 - 2 * DAY,
          videoUrl: null
        }),
        clip('c-rock', {
          title: 'alpha Rock',
          styleTags: 'hard rock, synth',
          lyrics: 'Thunder AND lightning',
          durationSec: null,
          createdAt: null,
          descriptionPrompt: 'a song about storms'
        }),
        clip('c-jp', {
          title: '東京の夜',
          styleTags: 'j-pop',
          lyrics: 'さくら さくら',
          createdAt: T0 - 3 * DAY,
          videoUrl: null
        })
      ])
    ],
    T0,
    { downloadVideo: true }
  )
  await downloadAll(store)
  store.tagClips(['c-city', 'c-cafe'], { add: ['Chill'] })
  store.tagClips(['c-city'], { add: ['Road trip'] })
  store.setFavorite(['c-night', 'c-cafe'], true)
  store.recordPlay('c-rock', T0 + 10)
  store.recordPlay('c-rock', T0 + 20)
  store.recordPlay('c-city', T0 + 5)
  for (const id of ['c-city', 'c-night', 'c-cafe', 'c-rock', 'c-jp']) await store.finalizeClip(id)
  await store.flush()
}

export const ids = (store: LibraryStore, q: Parameters<LibraryStore['query']>[0]): string[] =>
  store.query(q).rows.map((r) => r.id)
