import { DatabaseSync } from 'node:sqlite'
import type { LibraryFilter, NormalizedTask } from '../src/shared/domain'
import { relFilePath, clipStem, stemKey } from '../src/main/core/library/naming'
import { indexText } from '../src/main/core/library/search-index'
import { styleTokens, titleKey } from '../src/main/core/library/text'

// Baselines for library.bench.ts: the app without an index (every row in JS arrays,
// filtered and sorted in JS), and the minimal SQL that stores the same data.

export interface NaiveRow {
  id: string
  title: string
  createdAt: number
  favorite: boolean
  hasVideo: boolean
  model: string | null
  styles: string[]
  tags: string[]
  /** Everything searchable, lower-cased once at load time. */
  text: string
  /** The same without the lyrics (what type-ahead searches first). */
  fields: string
}

export function loadAllRows(db: DatabaseSync): NaiveRow[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.title, c.style_tags, x.lyrics, x.description_prompt, c.created_at,
         c.favorite, c.has_video, c.model,
         (SELECT group_concat(t.name, char(31)) FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id
          WHERE ct.clip_pk = c.pk) AS tags
       FROM clips c LEFT JOIN clip_texts x ON x.clip_pk = c.pk`
    )
    .all()
  return rows.map((row) => {
    const tags = typeof row.tags === 'string' ? row.tags.split('\u001f') : []
    const style = typeof row.style_tags === 'string' ? row.style_tags : null
    return {
      id: String(row.id),
      title: String(row.title),
      createdAt: Number(row.created_at ?? 0),
      favorite: row.favorite === 1,
      hasVideo: row.has_video === 1,
      model: typeof row.model === 'string' ? row.model : null,
      styles: styleTokens(style),
      tags,
      text: [row.title, style, row.lyrics, row.description_prompt, ...tags]
        .join('\n')
        .toLowerCase(),
      fields: [row.title, style, row.description_prompt, ...tags].join('\n').toLowerCase()
    }
  })
}

const byCreatedDesc = (a: NaiveRow, b: NaiveRow): number =>
  b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)

export function naiveFirstPage(dbPath: string): NaiveRow[] {
  const db = new DatabaseSync(dbPath, { readOnly: true })
  try {
    return loadAllRows(db).sort(byCreatedDesc).slice(0, 100)
  } finally {
    db.close()
  }
}

/** `fieldsFirst`: the titles, styles, prompts and tags, and the lyrics only when nothing
 * matches there (the library's searchIn 'auto'). */
export function naiveSearch(
  rows: NaiveRow[],
  query: string,
  fieldsFirst = false
): { rows: NaiveRow[]; total: number } {
  const words = query
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== '')
  const inFields = fieldsFirst
    ? rows.filter((row) => words.every((w) => row.fields.includes(w)))
    : []
  const hits =
    inFields.length > 0 ? inFields : rows.filter((row) => words.every((w) => row.text.includes(w)))
  return { rows: hits.sort(byCreatedDesc).slice(0, 100), total: hits.length }
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

function top(map: Map<string, number>, n: number): { value: string; count: number }[] {
  return [...map]
    .map(([value, n]) => ({ value, count: n }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, n)
}

export function naiveFacets(rows: NaiveRow[], filter: LibraryFilter): unknown {
  const hits = rows.filter(
    (row) =>
      (filter.favorite === undefined || row.favorite === filter.favorite) &&
      (filter.hasVideo === undefined || row.hasVideo === filter.hasVideo) &&
      (filter.model === undefined || row.model === filter.model) &&
      (filter.styleTag === undefined || row.styles.some((s) => s.includes(filter.styleTag ?? '')))
  )
  const tags = new Map<string, number>()
  const styles = new Map<string, number>()
  const models = new Map<string, number>()
  let favorites = 0
  let withVideo = 0
  for (const row of hits) {
    if (row.favorite) favorites++
    if (row.hasVideo) withVideo++
    for (const tag of row.tags) count(tags, tag)
    for (const style of row.styles) count(styles, style)
    if (row.model !== null) count(models, row.model)
  }
  return {
    total: hits.length,
    favorites,
    withVideo,
    userTags: top(tags, 500),
    styleTags: top(styles, 100),
    models: top(models, 100)
  }
}

/** Inserts the same rows the store writes for new clips (task, clip, styles, file rows,
 * search row), with nothing else: no upserts, no checks. */
export function bareIngest(
  db: DatabaseSync,
  tasks: NormalizedTask[],
  oneTransaction: boolean
): void {
  const now = Date.now()
  const task = db.prepare(
    "INSERT INTO tasks (id, state, upstream_status, kind, added_at, raw_json) VALUES (?, 'succeeded', 'SUCCESS', 'music', ?, ?)"
  )
  const clip = db.prepare(
    `INSERT INTO clips (id, task_id, title, title_key, status, style_tags, duration_sec, model,
       created_at, added_at, stem, stem_key, download_state)
     VALUES (?, ?, ?, ?, 'complete', ?, ?, ?, ?, ?, ?, ?, 'pending') RETURNING pk`
  )
  const texts = db.prepare(
    'INSERT INTO clip_texts (clip_pk, lyrics, description_prompt, raw_json) VALUES (?, ?, ?, ?)'
  )
  const style = db.prepare('INSERT INTO clip_styles (clip_pk, style_id) VALUES (?, ?)')
  const addStyleName = db.prepare('INSERT OR IGNORE INTO styles (name) VALUES (?)')
  const styleIdOf = db.prepare('SELECT id FROM styles WHERE name = ?')
  const styleIds = new Map<string, number>()
  const styleId = (name: string): number => {
    let id = styleIds.get(name)
    if (id === undefined) {
      addStyleName.run(name)
      id = Number(styleIdOf.get(name)?.id)
      styleIds.set(name, id)
    }
    return id
  }
  const file = db.prepare(
    "INSERT INTO files (clip_pk, kind, state, source_url, updated_at) VALUES (?, ?, 'pending', ?, ?)"
  )
  const fts = db.prepare(
    'INSERT INTO clips_fts (rowid, title, style_tags, lyrics, prompt, user_tags) VALUES (?, ?, ?, ?, ?, ?)'
  )
  if (oneTransaction) db.exec('BEGIN IMMEDIATE')
  for (const t of tasks) {
    if (!oneTransaction) db.exec('BEGIN IMMEDIATE')
    task.run(t.taskId, now, JSON.stringify(t.raw))
    for (const c of t.clips) {
      const stem = clipStem({ id: c.id, title: c.title, createdAt: c.createdAt, addedAt: now })
      const row = clip.get(
        c.id,
        t.taskId,
        c.title,
        titleKey(c.title),
        c.styleTags,
        c.durationSec,
        c.model,
        c.createdAt,
        now,
        stem,
        stemKey(stem)
      )
      const pk = Number(row?.pk)
      texts.run(pk, c.lyrics, c.descriptionPrompt, JSON.stringify(c.raw))
      for (const s of styleTokens(c.styleTags)) style.run(pk, styleId(s))
      file.run(pk, 'audio', c.audioUrl, now)
      file.run(pk, 'cover', c.imageLargeUrl, now)
      if (c.videoUrl !== null) file.run(pk, 'video', c.videoUrl, now)
      fts.run(
        pk,
        indexText(c.title),
        indexText(c.styleTags),
        indexText(c.lyrics),
        indexText(c.descriptionPrompt),
        ''
      )
      void relFilePath(stem, 'audio')
    }
    if (!oneTransaction) db.exec('COMMIT')
  }
  if (oneTransaction) db.exec('COMMIT')
}
