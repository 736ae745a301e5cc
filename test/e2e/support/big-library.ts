import { copyFileSync, mkdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { openLibrary } from '../../../src/main/core/library/store'
import type { NormalizedClip, NormalizedTask } from '../../../src/shared/domain'

// A library of `count` clips written through the real library, as a finished sync leaves
// it, without downloading each one: every clip's audio is the same real 90 s mp3 on disk
// (the media handler serves it by clip id), so any clip can really play.

const LONG_MP3 = resolve(import.meta.dirname, '../../fixtures/long.mp3')
const T0 = Date.UTC(2026, 10, 1)

export function bigLibraryTitle(i: number): string {
  return `Song ${String(i).padStart(5, '0')}`
}

function clip(i: number, title: (i: number) => string): NormalizedClip {
  const id = `big${String(i).padStart(8, '0')}`
  return {
    id,
    taskId: `task_big${Math.floor(i / 2)}`,
    title: title(i),
    status: 'complete',
    audioUrl: `https://cdn1.suno.ai/${id}.mp3`,
    streamAudioUrl: null,
    videoUrl: null,
    imageUrl: null,
    imageLargeUrl: null,
    lyrics: null,
    styleTags: i % 3 === 0 ? 'jazz' : 'rock',
    descriptionPrompt: `a song number ${i}`,
    durationSec: 90,
    model: 'chirp-v4',
    majorModelVersion: 'v4',
    // Song 00000 is the newest: the default sort lists them in number order.
    createdAt: T0 - i * 1000,
    continueClipId: null,
    continueAt: null,
    errorMessage: null,
    clipType: 'gen',
    raw: { id }
  }
}

export async function seedBigLibrary(
  dirs: { dataDir: string; libraryDir: string },
  count: number,
  /** Titles other than `Song 00042` (a spec that needs distinct ones). */
  title: (i: number) => string = bigLibraryTitle
): Promise<void> {
  mkdirSync(dirs.libraryDir, { recursive: true })
  const store = openLibrary({ ...dirs, logger: { warn: () => undefined }, createLibraryDir: true })
  const tasks: NormalizedTask[] = []
  for (let i = 0; i < count; i += 2) {
    const clips = [clip(i, title), ...(i + 1 < count ? [clip(i + 1, title)] : [])]
    tasks.push({
      taskId: clips[0]?.taskId as string,
      state: 'succeeded',
      upstreamStatus: 'SUCCESS',
      failReason: null,
      progress: 100,
      submitTime: T0,
      startTime: T0,
      finishTime: T0,
      action: 'MUSIC',
      kind: 'music',
      clips,
      lyrics: null,
      raw: {}
    })
  }
  store.recordTaskResults(tasks, T0, { downloadVideo: false })
  await store.close()
  copyFileSync(LONG_MP3, join(dirs.libraryDir, 'shared.mp3'))
  const bytes = statSync(LONG_MP3).size
  const db = new DatabaseSync(join(dirs.dataDir, 'library.sqlite'), { timeout: 5000 })
  db.prepare(
    `UPDATE files SET state = 'done', rel_path = 'shared.mp3', bytes = ? WHERE kind = 'audio'`
  ).run(bytes)
  db.exec(`UPDATE files SET state = 'absent' WHERE kind <> 'audio' AND state = 'pending';
    UPDATE clips SET has_audio = 1, download_state = 'done';
    INSERT OR REPLACE INTO files (clip_pk, kind, state, updated_at)
      SELECT pk, 'sidecar', 'done', 0 FROM clips`)
  db.close()
}
