import { DatabaseSync } from 'node:sqlite'

// The baseline of the CLI start-up bench: what `songshelf list --limit 50 --json` asks
// of the index, on a bare node:sqlite connection in a fresh process: the newest 50 clips
// with their lyrics and files, printed as JSON. `node cli-bare-child.js <library.sqlite>`.

const [path] = process.argv.slice(2)
if (path === undefined) throw new Error('usage: <library.sqlite>')
const db = new DatabaseSync(path, { readOnly: true })
const rows = db
  .prepare(
    `SELECT c.pk, c.id, c.task_id, c.title, c.style_tags, c.duration_sec, c.model, c.created_at,
       c.added_at, c.favorite, c.plays, x.lyrics, x.description_prompt
     FROM clips c LEFT JOIN clip_texts x ON x.clip_pk = c.pk
     ORDER BY c.created_at DESC, c.id DESC LIMIT 50`
  )
  .all()
const files = db.prepare('SELECT kind, state, rel_path, bytes FROM files WHERE clip_pk = ?')
const out = rows.map((row) => ({ ...row, files: files.all(row['pk'] as number) }))
process.stdout.write(`${JSON.stringify(out)}\n`)
db.close()
