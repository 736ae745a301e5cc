import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LibraryStore } from '../../../../src/main/core/library/types'
import { T0, clip, task, tempLibrary, type TempLibrary } from './helpers'

// Issue 11: every table is read through its row reader, so a row the code does not
// expect (a column of the wrong type, a value outside its enum) fails with the stable
// code `index_damaged`, naming the column, instead of flowing on as a lie (a favourite
// flag of 'yes' read as truthy, a file state nobody handles). Each case damages one row
// of a real index through a second connection (with CHECK constraints off, as a damaged
// or hand-edited file would be) and reads it back through the library's own API.

let lib: TempLibrary
const ID = 'rr000000-0000-4000-8000-000000000001'

beforeEach(async () => {
  lib = await tempLibrary()
  lib.store.recordTaskResults([task('rr-task', [clip(ID)])], T0, { downloadVideo: true })
})
afterEach(async () => {
  await lib.cleanup()
})

function damage(sql: string): void {
  const raw = new DatabaseSync(join(lib.dataDir, 'library.sqlite'), { timeout: 5000 })
  try {
    raw.exec('PRAGMA ignore_check_constraints = ON')
    raw.exec(sql)
  } finally {
    raw.close()
  }
}

const cases: [string, string, (store: LibraryStore) => unknown, RegExp][] = [
  [
    'clips (list row): a favourite flag stored as text',
    "UPDATE clips SET favorite = 'yes'",
    (store) => store.query({}),
    /"favorite" should be a number, not string/
  ],
  [
    'clips (list row): a download state it does not know',
    "UPDATE clips SET download_state = 'paused'",
    (store) => store.query({}),
    /"download_state" should be done \| pending \| failed \| absent, not "paused"/
  ],
  [
    'clips (detail): a status it does not know',
    "UPDATE clips SET status = 'paused'",
    (store) => store.getClip(ID),
    /"status" should be submitted/
  ],
  [
    'files: a state it does not know',
    "UPDATE files SET state = 'lost' WHERE kind = 'audio'",
    (store) => store.getClip(ID),
    /"state" should be done \| pending \| failed \| absent, not "lost"/
  ],
  [
    'files: a size stored as text',
    "UPDATE files SET bytes = 'big' WHERE kind = 'audio'",
    (store) => store.getClip(ID),
    /"bytes" should be a number, not string/
  ],
  [
    'tasks: a state it does not know',
    "UPDATE tasks SET state = 'paused'",
    (store) => store.listTasks(),
    /"state" should be pending \| succeeded/
  ],
  [
    'tags: a name stored as a blob',
    "INSERT INTO tags (name, key) VALUES (x'00', 'blob')",
    (store) => store.listTags(),
    /"name" should be text, not object/
  ],
  [
    'facets: a model stored as a blob',
    "UPDATE clips SET model = x'01'",
    (store) => store.facets({}),
    /"value" should be text or null, not object/
  ],
  [
    'listen_events: a kind it does not know',
    `INSERT INTO listen_events (clip_id, kind, at) VALUES ('${ID}', 'rewind', ${T0})`,
    (store) => store.listHistory(),
    /"kind" should be start \| skip \| finish \| seek, not "rewind"/
  ],
  [
    'queue_state: a repeat mode it does not know',
    "INSERT OR IGNORE INTO queue_state (id) VALUES (1); UPDATE queue_state SET repeat = 'twice'",
    (store) => store.queue.state(),
    /"repeat" should be off \| all \| one, not "twice"/
  ]
]

describe('row readers refuse a damaged row with index_damaged', () => {
  it.each(cases)('%s', (_name, sql, read, message) => {
    expect(() => read(lib.store)).not.toThrow()
    damage(sql)
    expect(() => read(lib.store)).toThrow(
      expect.objectContaining({ code: 'index_damaged', message: expect.stringMatching(message) })
    )
  })

  it('playlists: a kind it does not know', async () => {
    const made = await lib.store.playlists.create({ name: 'Night', clipIds: [ID] })
    expect(lib.store.playlists.list()).toHaveLength(1)
    damage(`UPDATE playlists SET kind = 'folder' WHERE id = '${made.id}'`)
    expect(() => lib.store.playlists.list()).toThrow(
      expect.objectContaining({
        code: 'index_damaged',
        message: expect.stringMatching(/"kind" should be manual \| smart, not "folder"/)
      })
    )
  })
})
