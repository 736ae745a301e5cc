export const shortcutsEn = {
  title: 'Keyboard shortcuts',
  intro: 'These work anywhere except while you type in a text field.',
  close: 'Close',
  keyColumn: 'Key',
  actionColumn: 'What it does',
  space: 'Space',
  shift: 'Shift',
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
    help: 'Show this list'
  }
}
