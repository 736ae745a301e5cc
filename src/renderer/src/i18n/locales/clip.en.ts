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
      absent: 'None'
    }
  }
}
