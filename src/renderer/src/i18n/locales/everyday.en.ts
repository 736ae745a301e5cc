// The everyday gestures of issue 13: play all / shuffle all, the context menu, undo.
export const everydayEn = {
  playAll: 'Play all',
  shuffleAll: 'Shuffle all',
  playAllHint: 'Play every song in this view, in this order',
  shuffleAllHint: 'Play every song in this view in random order',
  menu: {
    label: 'Actions for {{title}}',
    play: 'Play',
    playNext: 'Play next',
    addToQueue: 'Add to queue',
    favorite: 'Add to favourites',
    unfavorite: 'Remove from favourites',
    tags: 'Tags…',
    showInFolder: 'Show in folder',
    copyPrompt: 'Copy prompt',
    delete: 'Delete…',
    addToPlaylist: 'Add to playlist',
    removeFromQueue: 'Remove from queue',
    queuedNext: '“{{title}}” plays next.',
    queued: '“{{title}}” added to the queue.',
    copied: 'Prompt copied.',
    noPrompt: 'This song has no prompt.',
    addedToPlaylist: 'Added to {{name}}.'
  },
  taskSongs: {
    label: 'Songs of task {{id}}',
    open: 'Open “{{title}}” in the library'
  },
  taskFilter: {
    show: 'Show songs',
    showLabel: 'Show the songs of task {{id}} in the library',
    menu: 'Show songs of this task',
    chip: 'Songs of task {{id}}',
    remove: 'Show every song again (remove the task filter)'
  },
  undo: {
    action: 'Undo',
    deleted_one: 'Deleted {{count, number}} song.',
    deleted_other: 'Deleted {{count, number}} songs.',
    restored_one: 'Restored {{count, number}} song.',
    restored_other: 'Restored {{count, number}} songs.',
    favorited: 'Favourites changed.',
    tagDeleted: 'Tag “{{name}}” deleted.',
    tagsMerged: 'Tags merged into “{{name}}”.',
    undone: 'Undone.',
    nothing: 'Nothing to undo.',
    failed: 'Could not undo: {{message}}',
    dismiss: 'Dismiss'
  }
}
