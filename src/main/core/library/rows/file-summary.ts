import type { FileState, MediaKind } from '../../../../shared/domain'

// The clip row's summary of its media files (has_audio…, download_state), so list filters
// stay index lookups at 100 000 clips. The rule is written once, as data: the SQL that
// recomputes it from the file rows and the function that computes it from rows just
// decided in memory (ingest) are both built from the two constants below, so they cannot
// drift apart. Sidecars do not count: "downloaded" is about media.

/** Each summary flag and the media kind it says is on disk. */
export const SUMMARY_FLAGS = [
  ['has_audio', 'audio'],
  ['has_video', 'video'],
  ['has_cover', 'cover'],
  ['has_video_cover', 'video_cover']
] as const satisfies readonly (readonly [string, MediaKind])[]

/** download_state is the first of these that any media file is in, else 'absent'. */
export const DOWNLOAD_STATE_PRECEDENCE = [
  'failed',
  'pending',
  'done'
] as const satisfies readonly FileState[]

export type SummaryColumn = (typeof SUMMARY_FLAGS)[number][0] | 'download_state'
export type FileSummary = Record<(typeof SUMMARY_FLAGS)[number][0], 0 | 1> & {
  download_state: FileState
}

/** The summary columns in the order summaryValues gives their values. */
export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  ...SUMMARY_FLAGS.map(([column]) => column),
  'download_state'
]

/** The clip's summary from its media rows, where they were just decided and need no
 * reading back. */
export function summarize(rows: readonly { kind: MediaKind; state: FileState }[]): FileSummary {
  const done = (kind: MediaKind): 0 | 1 =>
    rows.some((row) => row.kind === kind && row.state === 'done') ? 1 : 0
  const state = DOWNLOAD_STATE_PRECEDENCE.find((s) => rows.some((row) => row.state === s))
  return {
    has_audio: done('audio'),
    has_video: done('video'),
    has_cover: done('cover'),
    has_video_cover: done('video_cover'),
    download_state: state ?? 'absent'
  }
}

/** summarize's values in SUMMARY_COLUMNS order, for an INSERT or UPDATE. */
export function summaryValues(summary: FileSummary): (number | string)[] {
  return SUMMARY_COLUMNS.map((column) => summary[column])
}

/** `SET` assignments that recompute the summary of the clip row `clips` from its files. */
export const SUMMARY_FROM_FILES_SQL = [
  ...SUMMARY_FLAGS.map(
    ([column, kind]) =>
      `${column} = EXISTS (SELECT 1 FROM files WHERE clip_pk = clips.pk AND kind = '${kind}' AND state = 'done')`
  ),
  `download_state = (SELECT CASE
    ${DOWNLOAD_STATE_PRECEDENCE.map((s) => `WHEN sum(state = '${s}') > 0 THEN '${s}'`).join('\n    ')}
    ELSE 'absent' END
   FROM files WHERE clip_pk = clips.pk AND kind != 'sidecar')`
].join(',\n  ')
