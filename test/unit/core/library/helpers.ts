import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MediaKind, NormalizedClip, NormalizedTask } from '../../../../src/shared/domain'
import { openLibrary } from '../../../../src/main/core/library/store'
import type { LibraryOptions, LibraryStore } from '../../../../src/main/core/library/types'
import { tempDir } from '../../../support/temp-dirs'

// Builders for gateway answers and a library in a temp folder, for the library tests.

export const T0 = Date.UTC(2026, 10, 3, 12, 0, 0) // 2026-11-03

export function clip(id: string, over: Partial<NormalizedClip> = {}): NormalizedClip {
  return {
    id,
    taskId: 'task-1',
    title: 'City Lights',
    status: 'complete',
    audioUrl: `https://cdn1.suno.ai/${id}.mp3`,
    streamAudioUrl: null,
    videoUrl: `https://cdn1.suno.ai/${id}.mp4`,
    imageUrl: `https://cdn2.suno.ai/image_${id}.jpeg`,
    imageLargeUrl: `https://cdn2.suno.ai/image_large_${id}.jpeg`,
    lyrics: '[Verse]\nNeon rain on the avenue',
    styleTags: 'dreamy synthwave, female vocals',
    descriptionPrompt: null,
    durationSec: 180,
    model: 'chirp-v4',
    majorModelVersion: 'v4',
    createdAt: T0,
    continueClipId: null,
    continueAt: null,
    errorMessage: null,
    clipType: 'gen',
    raw: { id, title: over.title ?? 'City Lights', user_id: 'u-123', display_name: 'Jo' },
    ...over
  }
}

export function task(
  taskId: string,
  clips: NormalizedClip[],
  over: Partial<NormalizedTask> = {}
): NormalizedTask {
  return {
    taskId,
    state: 'succeeded',
    upstreamStatus: 'SUCCESS',
    failReason: null,
    progress: 100,
    submitTime: T0 - 60_000,
    startTime: T0 - 50_000,
    finishTime: T0,
    action: 'MUSIC',
    kind: 'music',
    clips: clips.map((c) => ({ ...c, taskId })),
    lyrics: null,
    raw: { task_id: taskId, status: 'SUCCESS' },
    ...over
  }
}

export interface TempLibrary {
  root: string
  dataDir: string
  libraryDir: string
  store: LibraryStore
  /** What the library logged as warnings. */
  warnings: string[]
  open(extra?: Partial<LibraryOptions>): LibraryStore
  cleanup(): Promise<void>
}

export async function tempLibrary(extra: Partial<LibraryOptions> = {}): Promise<TempLibrary> {
  const root = tempDir('songshelf-lib-')
  const dataDir = join(root, 'data')
  const libraryDir = join(root, 'Music', 'Songshelf')
  await mkdir(libraryDir, { recursive: true })
  const opened: LibraryStore[] = []
  const warnings: string[] = []
  const logger = { warn: (message: string): void => void warnings.push(message) }
  const open = (more: Partial<LibraryOptions> = {}): LibraryStore => {
    const store = openLibrary({ dataDir, libraryDir, now: () => T0, logger, ...extra, ...more })
    opened.push(store)
    return store
  }
  return {
    root,
    dataDir,
    libraryDir,
    store: open(),
    warnings,
    open,
    async cleanup() {
      for (const store of opened) await store.close().catch(() => undefined)
      await rm(root, { recursive: true, force: true })
    }
  }
}

const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9
])
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(12)])

let mp3Cache: Buffer | null = null

/** A real, playable mp3: made by ffmpeg when it is installed, else the shared fixture,
 * else a run of silent MPEG-1 Layer III frames built by hand. */
export async function tinyMp3(): Promise<Buffer> {
  if (mp3Cache !== null) return mp3Cache
  const fixture = fileURLToPath(new URL('../../../fixtures/tiny.mp3', import.meta.url))
  if (existsSync('/usr/bin/ffmpeg')) {
    const dir = await mkdtemp(join(tmpdir(), 'songshelf-mp3-'))
    const out = join(dir, 'tone.mp3')
    execFileSync('/usr/bin/ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=1',
      '-q:a',
      '9',
      out
    ])
    mp3Cache = await readFile(out)
    await rm(dir, { recursive: true, force: true })
  } else if (existsSync(fixture)) {
    mp3Cache = await readFile(fixture)
  } else {
    // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no CRC: 417-byte frames of silence.
    const frame = Buffer.alloc(417)
    frame.set([0xff, 0xfb, 0x90, 0x64])
    mp3Cache = Buffer.concat(Array.from({ length: 40 }, () => frame))
  }
  return mp3Cache
}

/** Plays the download engine's part: writes every queued job's file and reports it. */
export async function downloadAll(store: LibraryStore, kinds?: MediaKind[]): Promise<void> {
  const mp3 = await tinyMp3()
  for (const job of store.downloadJobs()) {
    if (kinds !== undefined && !kinds.includes(job.kind)) continue
    const body = job.kind === 'audio' ? mp3 : job.kind === 'video' ? MP4 : JPEG
    await mkdir(dirname(job.targetPath), { recursive: true })
    await writeFile(job.targetPath, body)
    store.setFileResult(job.clipId, job.kind, {
      state: 'done',
      path: job.targetPath,
      bytes: body.length,
      sha256: 'x'.repeat(64)
    })
  }
}

/** Ingests tasks, downloads everything and finalizes every clip. */
export async function populate(store: LibraryStore, tasks: NormalizedTask[]): Promise<void> {
  store.recordTaskResults(tasks, T0, { downloadVideo: true })
  await downloadAll(store)
  for (const t of tasks) for (const c of t.clips) await store.finalizeClip(c.id)
  await store.flush()
}
