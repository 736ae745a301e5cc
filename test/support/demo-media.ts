import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

// Real-length media for `npm run sim`'s demo: a synthesised melody encoded by ffmpeg, a
// lavfi gradients cover with the title drawn on it, a still-image video; cached by recipe,
// so the first start takes a few seconds and later starts none. The tiny committed
// fixtures stay what the tests use; this is only what a person hears and sees.

export interface DemoRecipe {
  title: string
  durationSec: number
  /** Root note of the melody in Hz and beats per second: each clip sounds different. */
  rootHz: number
  beatsPerSec: number
  colors: readonly [string, string]
  video: boolean
}

export interface DemoMedia {
  audio: Buffer
  cover: Buffer
  video?: Buffer
}

/** Bump when a recipe's output changes, so old cache entries are not reused. */
const RECIPE_VERSION = 2
const FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/truetype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
]

export async function ffmpegAvailable(): Promise<boolean> {
  try {
    await run(['-version'])
    return true
  } catch {
    return false
  }
}

const RATE = 22050
const PENTATONIC = [0, 2, 4, 7, 9, 12]
const CHORDS = [0, -4, -7, -2]

/** A pentatonic arpeggio over a four-chord bass with a pluck envelope per beat, as 16-bit
 * mono PCM. Synthesised here rather than in an aevalsrc expression, which is ~50x slower. */
export function melodyPcm(recipe: DemoRecipe): Buffer {
  const total = Math.round(recipe.durationSec * RATE)
  const out = Buffer.alloc(total * 2)
  const beat = RATE / recipe.beatsPerSec
  const fade = Math.min(3, recipe.durationSec / 4) * RATE
  let leadPhase = 0
  let bassPhase = 0
  for (let i = 0; i < total; i++) {
    const n = Math.floor(i / beat)
    const chord = CHORDS[Math.floor(n / 8) % CHORDS.length] as number
    const step = PENTATONIC[(n * 3 + Math.floor(n / 4)) % PENTATONIC.length] as number
    const inBeat = (i % beat) / RATE
    leadPhase += (2 * Math.PI * recipe.rootHz * 2 ** ((step + chord) / 12)) / RATE
    bassPhase += (2 * Math.PI * (recipe.rootHz / 2) * 2 ** (chord / 12)) / RATE
    const pluck = Math.exp(-3 * inBeat) * Math.min(1, inBeat * 60)
    const edge = Math.min(1, i / (0.5 * RATE), (total - i) / fade)
    const sample = (0.3 * Math.sin(leadPhase) * pluck + 0.15 * Math.sin(bassPhase)) * edge
    out.writeInt16LE(Math.round(sample * 32767), i * 2)
  }
  return out
}

/** Makes (or reads from `cacheDir`) one clip's audio, cover and video. */
export async function demoMedia(recipe: DemoRecipe, cacheDir: string): Promise<DemoMedia> {
  const font = FONTS.find((path) => existsSync(path))
  const key = createHash('sha1')
    .update(JSON.stringify({ RECIPE_VERSION, recipe, font: font ?? null }))
    .digest('hex')
    .slice(0, 16)
  const dir = join(cacheDir, key)
  const files = { audio: join(dir, 'audio.mp3'), cover: join(dir, 'cover.jpg') }
  const videoFile = join(dir, 'video.mp4')
  if (!existsSync(join(dir, 'done'))) await make(recipe, dir, font)
  const [audio, cover] = await Promise.all([readFile(files.audio), readFile(files.cover)])
  return { audio, cover, ...(recipe.video ? { video: await readFile(videoFile) } : {}) }
}

async function make(recipe: DemoRecipe, dir: string, font: string | undefined): Promise<void> {
  // Made in a scratch folder and renamed into place, so a stopped start leaves no half entry.
  const scratch = `${dir}.tmp-${process.pid}`
  await rm(scratch, { recursive: true, force: true })
  await mkdir(scratch, { recursive: true })
  await run(
    [
      '-f',
      's16le',
      '-ar',
      String(RATE),
      '-ac',
      '1',
      '-i',
      'pipe:0',
      '-map_metadata',
      '-1',
      '-ac',
      '1',
      '-c:a',
      'libmp3lame',
      '-b:a',
      '32k',
      '-id3v2_version',
      '3',
      join(scratch, 'audio.mp3')
    ],
    melodyPcm(recipe)
  )
  const [c0, c1] = recipe.colors
  let cover = `gradients=s=300x300:c0=${c0}:c1=${c1}:x0=0:y0=0:x1=300:y1=300:d=1`
  if (font !== undefined) {
    await writeFile(join(scratch, 'title.txt'), recipe.title)
    const textFile = join(scratch, 'title.txt').replace(/[\\:']/g, '\\$&')
    const fontFile = font.replace(/[\\:']/g, '\\$&')
    cover +=
      `,drawtext=fontfile='${fontFile}':textfile='${textFile}':fontsize=30:fontcolor=white` +
      ':shadowcolor=black@0.4:shadowx=2:shadowy=2:x=(w-text_w)/2:y=h-text_h-28'
  }
  await run(['-f', 'lavfi', '-i', cover, '-frames:v', '1', '-q:v', '4', join(scratch, 'cover.jpg')])
  if (recipe.video) {
    await run([
      '-loop',
      '1',
      '-framerate',
      '1',
      '-i',
      join(scratch, 'cover.jpg'),
      '-i',
      join(scratch, 'audio.mp3'),
      '-map_metadata',
      '-1',
      '-vf',
      'scale=240:240,format=yuv420p',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-tune',
      'stillimage',
      '-r',
      '1',
      '-c:a',
      'aac',
      '-b:a',
      '32k',
      '-shortest',
      '-movflags',
      '+faststart',
      join(scratch, 'video.mp4')
    ])
  }
  await writeFile(join(scratch, 'done'), '')
  await rm(dir, { recursive: true, force: true })
  await rename(scratch, dir)
}

function run(args: readonly string[], input?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
      stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe']
    })
    if (input !== undefined) child.stdin?.end(input)
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
    })
    child.once('error', reject)
    child.once('close', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim().slice(0, 500)}`))
    })
  })
}
