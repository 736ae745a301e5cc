import { createReadStream, statSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import type { ServerResponse } from 'node:http'
import { isInside } from '../main/core/path-inside'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

/** Serves the built renderer; anything outside `root` or unknown falls back to 404. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    res.writeHead(400).end()
    return
  }
  const file = resolve(root, '.' + (decoded === '/' ? '/index.html' : decoded))
  if (!isInside(root, file) || decoded.includes('\0')) {
    res.writeHead(404).end()
    return
  }
  let size: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) throw new Error('not a file')
    size = stat.size
  } catch {
    res.writeHead(404).end()
    return
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache'
  })
  createReadStream(file).pipe(res)
}
