import { MAX_IDS_PER_CALL } from '../../../shared/limits'

// The one chunker for calls that take many ids: the bridge refuses more than
// MAX_IDS_PER_CALL in one call, so a selection of 12,000 clips becomes three calls.

export function chunkIds(ids: readonly string[], size = MAX_IDS_PER_CALL): string[][] {
  const out: string[][] = []
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size))
  return out
}

/** Runs `run` on each chunk in turn and adds up what each call reports as changed. */
export async function sumOverChunks(
  ids: readonly string[],
  run: (chunk: string[]) => Promise<number>
): Promise<number> {
  let total = 0
  for (const chunk of chunkIds(ids)) total += await run(chunk)
  return total
}
