// Playlists, smart playlists, now playing, history and drag-in import (issue 15).
export const livingEn = {
  nav: {
    playlists: 'Playlists',
    newPlaylist: 'New playlist',
    newSmart: 'New smart playlist',
    nowPlaying: 'Now playing',
    history: 'Recently played',
    dropHint: 'Drop to add to {{name}}'
  },
  playlist: {
    untitled: 'New playlist',
    manual: 'Playlist',
    smart: 'Smart playlist',
    count_one: '{{count, number}} song',
    count_other: '{{count, number}} songs',
    play: 'Play',
    shuffle: 'Shuffle',
    rename: 'Rename…',
    delete: 'Delete',
    editRule: 'Edit rule…',
    remove: 'Remove from playlist',
    empty: 'This playlist is empty. Drag songs from the library onto its name in the sidebar.',
    emptySmart: 'No song matches this rule yet.',
    gone: 'This playlist no longer exists.',
    nameLabel: 'Name',
    createTitle: 'New playlist',
    renameTitle: 'Rename playlist',
    create: 'Create',
    save: 'Save',
    cancel: 'Cancel',
    deleted: 'Deleted the playlist “{{name}}”.',
    undo: 'Undo',
    added_one: 'Added {{count, number}} song to “{{name}}”.',
    added_other: 'Added {{count, number}} songs to “{{name}}”.',
    failed: 'That did not work: {{message}}',
    dismiss: 'Dismiss'
  },
  history: {
    title: 'Recently played',
    note: 'A song counts as played once it is heard for 10 seconds or to its end; a skip before that is kept here but not counted.',
    empty: 'Nothing played yet.',
    finish: 'Played to the end',
    skip: 'Skipped after {{time}}',
    heard: 'Heard for {{time}}',
    counted: 'counts as a play',
    play: 'Play {{title}}',
    gone: 'No longer in the library',
    clear: 'Clear history…',
    clearTitle: 'Clear the listening history?',
    clearBody:
      'This forgets every listen and when each song was last played. Songs and playlists stay.',
    resetCounts: 'Also set every play count back to 0',
    clearConfirm: 'Clear history',
    cancel: 'Cancel',
    cleared: 'The listening history is cleared.',
    failed: 'That did not work: {{message}}'
  },
  nowPlaying: {
    nothing: 'Nothing is playing. Play a song from the library or a playlist.',
    noLyrics: 'This song has no lyrics.',
    followNote:
      'The highlight follows sections, not word-timed: the song has no timing data, so its length is shared between the sections by their lines.',
    model: 'Model: {{model}}',
    family_one: 'Its family: {{count, number}} song',
    family_other:
      'Its family: {{count, number}} songs (the one it extends, its other take, its extensions)',
    playFamily: 'Play the whole family'
  },
  smart: {
    untitled: 'New smart playlist',
    createTitle: 'New smart playlist',
    editTitle: 'Edit smart playlist',
    presets: 'Start from',
    preset: {
      neverPlayed: 'Never played',
      mostPlayed: 'Most played',
      favouritesWithVocals: 'Favourites with vocals from the last month'
    },
    matching: 'Songs that match all of these',
    search: 'Search text',
    style: 'Style',
    model: 'Model',
    userTags: 'Your tags (comma-separated, all of them)',
    favorite: 'Favourites only',
    hasVideo: 'With video',
    vocals: 'Vocals',
    vocalsAny: 'Any',
    vocalsYes: 'With vocals',
    vocalsNo: 'Instrumental',
    addedWithin: 'Added within (days)',
    playedWithin: 'Played within (days)',
    neverPlayed: 'Never played',
    minPlays: 'Played at least (times)',
    durationMin: 'At least (seconds)',
    durationMax: 'At most (seconds)',
    order: 'Order',
    sort: 'Sort by',
    dir: 'Direction',
    desc: 'Highest or newest first',
    asc: 'Lowest or oldest first',
    limit: 'At most (songs)'
  },
  drop: {
    hint: 'Drop a log, a JSON answer or a list to add the task ids inside',
    added_one: 'Added {{count, number}} task id from {{files}} ({{known}} already known).',
    added_other: 'Added {{count, number}} task ids from {{files}} ({{known}} already known).',
    noIds: 'No task id found in {{files}}.',
    audio_one:
      '{{count, number}} audio file: importing songs you already have is done with “songshelf import <folder>” for now.',
    audio_other:
      '{{count, number}} audio files: importing songs you already have is done with “songshelf import <folder>” for now.',
    tooLarge_one: '{{count, number}} file is larger than 2 MB and was not read.',
    tooLarge_other: '{{count, number}} files are larger than 2 MB and were not read.',
    other_one: '{{count, number}} file is neither text nor audio.',
    other_other: '{{count, number}} files are neither text nor audio.',
    failed: 'The dropped files could not be used: {{message}}'
  },
  mini: {
    title: 'Mini player',
    open: 'Mini player',
    expand: 'Back to the full window'
  }
}
