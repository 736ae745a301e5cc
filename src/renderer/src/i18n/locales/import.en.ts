// The import preview of dropped audio files and folders (issue 15).
export const importEn = {
  title: 'Import songs you already have',
  intro: 'Nothing is copied until you choose Import. The files you dropped are only read.',
  reading: 'Reading the dropped files…',
  groupImport: 'Will be imported',
  groupMerge: 'Will be merged with a song in the library',
  groupSkip: 'Skipped',
  summary:
    '{{imported, number}} to import, {{merged, number}} to merge, {{skipped, number}} skipped.',
  truncated:
    'The folders hold more files than one import takes; only the first {{count, number}} are listed.',
  run: 'Import',
  cancel: 'Cancel',
  close: 'Close',
  reasons: {
    inside_library: 'Already inside the library folder.',
    missing: 'There is no such file.',
    not_mp3: 'Only mp3 files can be imported.',
    unreadable: 'Not an mp3 that can be read.',
    same_song: 'The same song as another dropped file.',
    in_library: 'This song is already in the library.',
    fills_audio: 'Fills in the audio of a song the library knows.',
    suno_id: 'Suno song: its clip id is in the file.',
    local_song: 'No Suno id found: imported as a local song.'
  },
  idSource: {
    tag: 'id from a tag',
    link: 'id from a suno.com link in the tags',
    name: 'id from the file name'
  },
  progressReading: 'Reading tags: {{done, number}} of {{total, number}}',
  progressCopying: 'Copying into the library: {{done, number}} of {{total, number}}',
  done: 'Imported {{imported, number}}, merged {{merged, number}}, skipped {{skipped, number}}.',
  failed: 'The import stopped: {{message}}'
}
