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
    count_one: '{{count}} song',
    count_other: '{{count}} songs',
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
    added_one: 'Added {{count}} song to “{{name}}”.',
    added_other: 'Added {{count}} songs to “{{name}}”.',
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
    family_one: 'Its family: {{count}} song',
    family_other:
      'Its family: {{count}} songs (the one it extends, its other take, its extensions)',
    playFamily: 'Play the whole family'
  }
}
