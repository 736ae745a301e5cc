import type { NormalizedClip, NormalizedTask } from '../src/shared/domain'
import { pick, seeded } from './kit'

// A synthetic Suno library: two clips per task, realistic-looking titles (some Chinese
// and Japanese), 2–4 style tags from a Suno-like vocabulary, a few hundred characters of
// lyrics, five models, creation dates over two years. Same seed → same library.

const WORDS = [
  'city',
  'lights',
  'neon',
  'rain',
  'midnight',
  'ocean',
  'summer',
  'heart',
  'fire',
  'dream',
  'shadow',
  'river',
  'golden',
  'echo',
  'highway',
  'moon',
  'silver',
  'storm',
  'garden',
  'wild',
  'velvet',
  'electric',
  'paper',
  'crystal',
  'broken',
  'northern',
  'winter',
  'static',
  'signal',
  'ghost',
  'runaway',
  'satellite',
  'honey',
  'thunder',
  'glass',
  'orbit',
  'lantern',
  'tide'
]
const CJK = ['夜晚', '城市', '星空', '雨', '心', '东京', '夜', 'さくら', '海', '风', '月光', '街']
export const STYLES = [
  'synthwave',
  'dreamy',
  'female vocals',
  'male vocals',
  'lo-fi',
  'jazz',
  'hard rock',
  'pop',
  'c-pop',
  'j-pop',
  'k-pop',
  'ballad',
  'edm',
  'house',
  'techno',
  'trap',
  'hip hop',
  'r&b',
  'soul',
  'funk',
  'disco',
  'country',
  'folk',
  'acoustic',
  'piano',
  'orchestral',
  'cinematic',
  'ambient',
  'chillwave',
  'punk',
  'metal',
  'indie',
  'shoegaze',
  'bossa nova',
  'reggae',
  'blues',
  'gospel',
  'afrobeat',
  'latin',
  'upbeat',
  'melancholic',
  'epic',
  '80s',
  '90s',
  'retro'
]
export const MODELS = ['chirp-v3-5', 'chirp-v4', 'chirp-v4-5', 'chirp-auk', 'chirp-bluejay']
export const USER_TAGS = Array.from({ length: 20 }, (_, i) => `tag ${i}`)

const T_START = Date.UTC(2024, 10, 1)
const TWO_YEARS = 2 * 365 * 86_400_000

function words(random: () => number, count: number): string {
  return Array.from({ length: count }, () =>
    random() < 0.1 ? pick(random, CJK) : pick(random, WORDS)
  ).join(' ')
}

/** A complete clip, every field a bench does not care about filled in as a finished Suno
 * clip has it; `fields` gives the rest (one copy for the synthetic library and for the
 * download benches' answers). */
export function benchClip(
  id: string,
  taskId: string,
  fields: Pick<NormalizedClip, 'title' | 'audioUrl' | 'videoUrl' | 'imageUrl'> &
    Partial<NormalizedClip>
): NormalizedClip {
  return {
    id,
    taskId,
    status: 'complete',
    streamAudioUrl: null,
    imageLargeUrl: null,
    lyrics: null,
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
    raw: { id },
    ...fields
  }
}

/** A finished gateway answer around its clips. */
export function finishedTask(taskId: string, clips: NormalizedClip[]): NormalizedTask {
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
    clips,
    lyrics: null,
    raw: { task_id: taskId }
  }
}

/** One clip's answer whose files live on the bench's file server (sync-child.ts,
 * cdn-child.ts): the audio, optionally a video, and a cover. */
export function answer(
  taskId: string,
  clipId: string,
  base: string,
  audio: string,
  video: string | null,
  cover: string | null = null
): NormalizedTask {
  return finishedTask(taskId, [
    benchClip(clipId, taskId, {
      title: `Bench ${clipId}`,
      audioUrl: `${base}/${audio}`,
      videoUrl: video === null ? null : `${base}/${video}`,
      imageUrl: `${base}/${cover ?? 'cover.jpg?bytes=200000'}`,
      lyrics: '[Verse]\nNeon rain on the avenue\n'.repeat(20)
    })
  ])
}

function syntheticClip(random: () => number, id: string, taskId: string): NormalizedClip {
  const styles = new Set(
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(random, STYLES))
  )
  const title = words(random, 1 + Math.floor(random() * 3))
  // The fields in the order they draw from `random`: the same seed, the same library.
  return benchClip(id, taskId, {
    title: title.charAt(0).toUpperCase() + title.slice(1),
    audioUrl: `https://cdn1.suno.ai/${id}.mp3`,
    videoUrl: random() < 0.5 ? `https://cdn1.suno.ai/${id}.mp4` : null,
    imageUrl: `https://cdn2.suno.ai/image_${id}.jpeg`,
    imageLargeUrl: `https://cdn2.suno.ai/image_large_${id}.jpeg`,
    lyrics: `[Verse]\n${words(random, 40)}\n[Chorus]\n${words(random, 30)}`,
    styleTags: [...styles].join(', '),
    descriptionPrompt: random() < 0.3 ? words(random, 8) : null,
    durationSec: Math.round(60 + random() * 180),
    model: pick(random, MODELS),
    createdAt: T_START + Math.floor(random() * TWO_YEARS),
    raw: { id, title }
  })
}

function hex(random: () => number, length: number): string {
  let out = ''
  while (out.length < length)
    out += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0')
  return out.slice(0, length)
}

/** `clips` clips (two per task), with ids that look like Suno UUIDs. */
export function syntheticTasks(seed: number, clips: number): NormalizedTask[] {
  const random = seeded(seed)
  const tasks: NormalizedTask[] = []
  for (let i = 0; i < clips; i += 2) {
    const taskId = `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`
    const ids = [0, 1]
      .slice(0, Math.min(2, clips - i))
      .map(
        () =>
          `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-8${hex(random, 3)}-${hex(random, 12)}`
      )
    tasks.push(
      finishedTask(
        taskId,
        ids.map((id) => syntheticClip(random, id, taskId))
      )
    )
  }
  return tasks
}

/** Search boxes as people fill them: prefixes while typing, whole words, styles, CJK. */
export function searchQueries(seed: number, count: number): string[] {
  const random = seeded(seed)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const word = pick(random, WORDS)
    const roll = random()
    if (roll < 0.3) out.push(word.slice(0, 1 + Math.floor(random() * word.length)))
    else if (roll < 0.55) out.push(`${word} ${pick(random, WORDS).slice(0, 3)}`)
    else if (roll < 0.75) out.push(pick(random, STYLES))
    else if (roll < 0.9) out.push(pick(random, CJK))
    else out.push(word)
  }
  return out
}
