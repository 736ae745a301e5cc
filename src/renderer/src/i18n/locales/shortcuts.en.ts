export const shortcutsEn = {
  title: 'Keyboard shortcuts',
  intro: 'These work anywhere except while you type in a text field.',
  close: 'Close',
  keyColumn: 'Key',
  actionColumn: 'What it does',
  space: 'Space',
  shift: 'Shift',
  mod: 'Ctrl/⌘',
  action: {
    togglePlay: 'Play or pause',
    seekBack: 'Back 5 seconds',
    seekForward: 'Forward 5 seconds',
    previous: 'Previous song',
    next: 'Next song',
    volumeUp: 'Volume up',
    volumeDown: 'Volume down',
    search: 'Search the library',
    favorite: 'Favourite the song that is playing (or remove it)',
    favoriteOutsideList:
      'The same, outside the list and the covers (there, letters jump to a title)',
    typeAhead:
      'In the list or the covers: jump to the first song whose title starts with what you type (Space too, while you type)',
    miniPlayer: 'Open or close the mini player (View ▸ Mini Player)',
    help: 'Show this list'
  }
}
