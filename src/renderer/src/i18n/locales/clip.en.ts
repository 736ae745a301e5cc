export const clipEn = {
  title: 'Clip',
  close: 'Close details',
  missing: 'This clip is no longer in the library.',
  loadFailed: 'The clip could not be loaded: {{message}}',
  prompt: 'Description prompt',
  lyrics: 'Lyrics',
  noLyrics: 'No lyrics (instrumental, or the gateway sent none).',
  actions: {
    label: 'Clip actions',
    play: 'Play',
    playVideo: 'Play video',
    favorite: 'Favourite',
    editTags: 'Edit tags',
    reveal: 'Show in folder',
    copyPrompt: 'Copy prompt',
    promptCopied: 'Prompt copied',
    copyStyle: 'Copy style',
    styleCopied: 'Style copied',
    export: 'Export'
  },
  facts: {
    style: 'Style',
    model: 'Model',
    duration: 'Length',
    created: 'Created',
    added: 'Added',
    plays: 'Plays',
    lastPlayed: 'Last played',
    tags: 'Your tags',
    task: 'Task'
  },
  lineage: {
    title: 'Lineage',
    extends: 'Extends',
    extendsMissing: 'Extends a clip that is not in your library ({{id}})',
    at: 'at {{time}}',
    extendedBy: 'Extended by',
    siblings: 'Same generation',
    edge: {
      cover: 'Cover of',
      remaster: 'Remaster of',
      upsample: 'Upsampled from',
      speed: 'Speed change of',
      edit: 'Edited from',
      stem: 'Stem of',
      extend: 'Extended from',
      infill: 'Section replaced in',
      concat: 'Joined from'
    }
  },
  files: {
    title: 'Files',
    kind: {
      audio: 'Audio',
      video: 'Video',
      cover: 'Cover',
      video_cover: 'Animated cover',
      sidecar: 'Details (.json)'
    },
    state: {
      done: 'Downloaded',
      pending: 'Downloading',
      failed: 'Failed',
      absent: 'None',
      missing: 'Missing'
    },
    missingHint: 'The file is no longer in the library folder.',
    again: {
      button: 'Download again',
      label: 'Download the {{kind}} again',
      queued: 'Asked the gateway again; the file is downloading.',
      failed: 'Could not download it again: {{message}}',
      refused: {
        gone_upstream:
          'The gateway no longer has this song, so it cannot be downloaded again. Restore the file from a backup if you have one.',
        no_link: 'The gateway has this song but gives no usable link for this file any more.',
        no_task:
          'This song did not come from a gateway task (it was imported), so there is nowhere to download it from.',
        not_missing: 'Nothing to download again: this file is in the library folder.'
      },
      error: {
        not_configured: 'Set your gateway address and API key in Settings to download files again.',
        library_unavailable:
          'The library folder is not available. Connect the drive or choose another folder in Settings.'
      }
    }
  }
}
