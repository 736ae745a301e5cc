import { createHash } from 'node:crypto'
import type { DownloadFs } from './part-file'

// A file is marked done only after its bytes are read back at their final name and match
// what was downloaded: the size and the sha256 (issue 12 §1). An empty or cut-short file
// that another process renamed over the song, or a rename that silently did not land, is
// caught here instead of being recorded as a finished download.

export async function matchesAtFinalName(
  fs: DownloadFs,
  path: string,
  bytes: number,
  sha256: string
): Promise<boolean> {
  if ((await fs.size(path)) !== bytes) return false
  const hash = createHash('sha256')
  let seen = 0
  for await (const chunk of fs.readChunks(path)) {
    hash.update(chunk)
    seen += chunk.byteLength
  }
  return seen === bytes && hash.digest('hex') === sha256
}
