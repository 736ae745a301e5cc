import { extractTaskIds } from '../src/shared/task-ids'
import { median, paired, result, type BenchResult } from './kit'

// Task-id extraction on pasted noise (docs/RELIABILITY.md#hostile-input): the core and the renderer run it on
// text up to the schema's 2,000,000 characters. Each pathological shape is timed at 2 MB
// beside the same shape at 1 MB in the same run: linear work gives a ratio near 2, the
// old quadratic code gave about 4 and needed minutes at these sizes.

const TARGET = 2.6
const MB = 1024 * 1024

const hex = (i: number): string => i.toString(16).padStart(16, '0')

const SHAPES: Record<string, (bytes: number) => string> = {
  'distinct 16-hex near misses': (bytes) => {
    const tokens: string[] = []
    for (let size = 0, i = 0; size < bytes; i++, size += 17) tokens.push(hex(i * 7919))
    return tokens.join(' ')
  },
  'dots then a letter': (bytes) => `${'.'.repeat(bytes)}a`,
  'ids hidden in hex and task_ noise': (bytes) => {
    const parts: string[] = []
    for (let size = 0, i = 0; size < bytes; i++, size += 60)
      parts.push(
        i % 500 === 0
          ? `0b7c1f5e-8a11-4f2a-9d3e-${hex(i).slice(4)} `
          : `${hex(i)} task_ ${'/'.repeat(20)} `
      )
    return parts.join('')
  }
}

export async function run(): Promise<BenchResult[]> {
  const quick = process.env['SONGSHELF_BENCH_QUICK'] === '1'
  const runs = quick ? 3 : 7
  const results: BenchResult[] = []
  for (const [name, make] of Object.entries(SHAPES)) {
    const small = make(MB)
    const large = make(2 * MB)
    const [big, base] = await paired(
      runs,
      () => extractTaskIds(large),
      () => extractTaskIds(small)
    )
    results.push(result(`extract ids, ${name}: 2 MB (vs 1 MB)`, median(big), median(base), TARGET))
  }
  return results
}
