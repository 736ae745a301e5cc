// The list's type-ahead and its choosable, resizable columns (issue 13).
export const browseEn = {
  searchScope: {
    fields: 'Showing songs that match in their title, style, prompt or tags.',
    lyricsToo: 'Search the lyrics too'
  },
  typeAhead: {
    goTo: 'Go to: {{text}}',
    none: 'No title starts with “{{text}}”'
  },
  columns: {
    menuButton: 'Columns',
    menuLabel: 'Columns to show',
    titleAlways: 'Title is always shown',
    reset: 'Reset columns',
    resize: 'Resize the {{column}} column',
    resizeHint:
      'Drag, or use ← and → (Shift for bigger steps); double-click or Enter resets the width',
    addedAt: 'Added',
    lastPlayed: 'Last played',
    moveLeft: 'Move “{{column}}” left',
    moveRight: 'Move “{{column}}” right',
    moveHint: 'Drag to move the column, or Alt+Shift+← / →; right-click for more'
  }
}
