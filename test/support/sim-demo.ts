import type { DemoMedia, DemoRecipe } from './demo-media'
import type { Simulator } from './sim-gateway'
import type { SimMediaKind } from './sim-media'
import type { SimStep, SimTaskSpec } from './sim-tasks'

// The demo tasks `npm run sim` serves: what a newcomer sees first, so it must look and
// sound like the product (issue 15): clips whose files are as long as their metadata says,
// two takes per generation, an extension that links back to its parent (lineage), a
// lyrics-only task, songs in Chinese and Japanese, and one generation that fails — as a
// failed task with its reason, not as "Download failed" songs (a gateway answers a failed
// generation with no clips).

export interface DemoTask {
  id: string
  note: string
}

type MakeMedia = (recipe: DemoRecipe) => Promise<DemoMedia>

const STEPS: readonly SimStep[] = [
  { status: 'NOT_START', polls: 1 },
  { status: 'IN_PROGRESS', polls: 2 },
  { status: 'SUCCESS' }
]

const CITY_LIGHTS = [
  '[Intro]',
  '',
  '[Verse]',
  'City lights are calling me home',
  'Every window hums a song of its own',
  '',
  '[Pre-Chorus]',
  'Hold on, hold on',
  '',
  '[Chorus]',
  'Oh, oh, neon glow',
  'Carry me where the night trains go',
  '',
  '[Outro]',
  'Home, home'
].join('\n')

const CITY_LIGHTS_EXTENDED = [
  '[Bridge]',
  'Streets turn gold beneath the rain',
  '',
  '[Chorus]',
  'Oh, oh, neon glow',
  'Carry me home again',
  '',
  '[Outro]',
  'Again, again'
].join('\n')

const YORU_NO_UMI = [
  '[Verse]',
  '夜の海に 星が落ちる',
  '波の音だけ 聞こえてる',
  '',
  '[Chorus]',
  'さくら色の 月明かり',
  '君の名前を 呼んでいる'
].join('\n')

const CHENGSHI = [
  '[Verse]',
  '城市夜晚 灯火阑珊',
  '我在月光里 等你回来',
  '',
  '[Chorus]',
  '风吹过街角 心还在',
  '城市夜晚 你在不在'
].join('\n')

interface DemoClip {
  recipe: DemoRecipe
}

interface DemoEntry {
  note: string
  spec: Omit<SimTaskSpec, 'id'>
  clips?: readonly DemoClip[]
  /** Extends the first clip of the demo task at this index. */
  extendsTask?: number
}

function clip(
  title: string,
  durationSec: number,
  rootHz: number,
  beatsPerSec: number,
  colors: readonly [string, string],
  video = true
): DemoClip {
  return { recipe: { title, durationSec, rootHz, beatsPerSec, colors, video } }
}

const ENTRIES: readonly DemoEntry[] = [
  {
    note: 'two takes, raw Suno shape, with video',
    spec: {
      shape: 'raw',
      title: 'City Lights',
      lyrics: CITY_LIGHTS,
      tags: 'synthwave, dreamy, female vocals',
      model: 'chirp-v4'
    },
    clips: [
      clip('City Lights', 38, 330, 4, ['0x2b1055', '0xd53369']),
      clip('City Lights', 44, 294, 4, ['0x0f2027', '0x2c8c99'])
    ]
  },
  {
    note: 'flattened shape, v4.5+',
    spec: {
      shape: 'flattened',
      title: 'Neon Rain',
      lyrics: '[Verse]\nNeon rain on the boulevard\n[Chorus]\nFalling, falling, falling far',
      tags: 'darkwave, male vocals, 110 bpm',
      model: 'chirp-bluejay'
    },
    clips: [
      clip('Neon Rain', 35, 247, 3.5, ['0x141e30', '0x8e2de2']),
      clip('Neon Rain', 41, 262, 3.5, ['0x232526', '0x4ca1af'])
    ]
  },
  {
    note: 'camelCase shape, no video, Japanese',
    spec: {
      shape: 'camel',
      title: '夜の海',
      lyrics: YORU_NO_UMI,
      tags: 'j-pop, piano ballad',
      model: 'chirp-auk',
      video: false
    },
    clips: [
      clip('夜の海', 40, 392, 2.5, ['0x1a2a6c', '0x3a7bd5'], false),
      clip('夜の海', 33, 349, 2.5, ['0x000428', '0x004e92'], false)
    ]
  },
  {
    note: 'lyrics only',
    spec: { shape: 'lyrics', title: 'Paper Moon', tags: 'folk, acoustic' }
  },
  {
    note: 'fails (Chinese reason)',
    spec: { fail: '任务超时（1440分钟）', clips: 0, steps: [] }
  },
  {
    note: 'extends City Lights at 0:30 (lineage)',
    extendsTask: 0,
    spec: {
      shape: 'raw',
      title: 'City Lights (Extended)',
      lyrics: CITY_LIGHTS_EXTENDED,
      tags: 'synthwave, dreamy, female vocals',
      model: 'chirp-v4',
      continueAt: 30
    },
    clips: [
      clip('City Lights (Extended)', 52, 330, 4, ['0x42275a', '0xf7797d']),
      clip('City Lights (Extended)', 47, 330, 4, ['0x3a1c71', '0xffaf7b'])
    ]
  },
  {
    note: 'Chinese title and lyrics, v5, animated covers, one instrumental take',
    spec: {
      shape: 'raw',
      title: '城市夜晚',
      lyrics: CHENGSHI,
      tags: 'c-pop, 女声, ballad',
      model: 'chirp-crow',
      // Issue 16's upstream fields: animated covers, and a second take without vocals.
      videoCover: true,
      instrumental: [1]
    },
    clips: [
      clip('城市夜晚', 42, 440, 3, ['0x5f2c82', '0x49a09d']),
      clip('城市夜晚', 36, 415, 3, ['0x614385', '0x516395'])
    ]
  }
]

export function demoTaskId(index: number): string {
  return `8f0c6a1e-5b2d-4c3a-9e7f-${String(index + 1).padStart(12, '0')}`
}

/** Adds the demo tasks; with `makeMedia` each clip gets its own real-length media. */
export async function addDemoTasks(sim: Simulator, makeMedia?: MakeMedia): Promise<DemoTask[]> {
  const media =
    makeMedia === undefined
      ? ENTRIES.map(() => null)
      : await sequential(ENTRIES, (entry) =>
          sequential(entry.clips ?? [], (c) => makeMedia(c.recipe))
        )
  const firstClips: string[] = []
  return ENTRIES.map((entry, i) => {
    const id = demoTaskId(i)
    const parent = entry.extendsTask === undefined ? undefined : firstClips[entry.extendsTask]
    const clipMedia = media[i]
    const spec: SimTaskSpec = {
      id,
      steps: STEPS,
      ...entry.spec,
      ...(entry.clips === undefined
        ? {}
        : { durations: entry.clips.map((c) => c.recipe.durationSec) }),
      ...(clipMedia === null || clipMedia === undefined
        ? {}
        : { media: clipMedia.map(mediaByKind) }),
      ...(parent === undefined ? {} : { continueClipId: parent })
    }
    const task = sim.addTask(spec)
    firstClips.push(task.clipIds[0] ?? '')
    return { id, note: entry.note }
  })
}

function mediaByKind(media: DemoMedia): Partial<Record<SimMediaKind, Buffer>> {
  return {
    audio: media.audio,
    cover: media.cover,
    coverLarge: media.cover,
    ...(media.video === undefined ? {} : { video: media.video })
  }
}

/** One ffmpeg at a time: the machine may be small and busy. */
async function sequential<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (const item of items) out.push(await fn(item))
  return out
}
