import type { NormalizedTask } from '../src/shared/domain'

// A finished gateway answer for one clip whose files live on the bench's file server
// (sync-child.ts, cdn-child.ts): the audio, optionally a video, and a cover.

export function answer(
  taskId: string,
  clipId: string,
  base: string,
  audio: string,
  video: string | null,
  cover: string | null = null
): NormalizedTask {
  return {
    taskId,
    state: 'succeeded',
    upstreamStatus: 'SUCCESS',
    failReason: null,
    progress: 100,
    submitTime: null,
    startTime: null,
    finishTime: null,
    action: 'MUSIC',
    kind: 'music',
    lyrics: null,
    raw: { task_id: taskId },
    clips: [
      {
        id: clipId,
        taskId,
        title: `Bench ${clipId}`,
        status: 'complete',
        audioUrl: `${base}/${audio}`,
        streamAudioUrl: null,
        videoUrl: video === null ? null : `${base}/${video}`,
        imageUrl: `${base}/${cover ?? 'cover.jpg?bytes=200000'}`,
        imageLargeUrl: null,
        lyrics: '[Verse]\nNeon rain on the avenue\n'.repeat(20),
        styleTags: 'dreamy synthwave, female vocals',
        descriptionPrompt: null,
        durationSec: 240,
        model: 'chirp-v4',
        majorModelVersion: 'v4',
        createdAt: Date.UTC(2026, 10, 1),
        continueClipId: null,
        continueAt: null,
        errorMessage: null,
        clipType: 'gen',
        raw: { id: clipId }
      }
    ]
  }
}
