export const clipTextEn = {
  renameHint: 'Click or press F2 to rename',
  rename: 'Rename…',
  titleLabel: 'Title',
  titleHelp: 'Enter saves, Escape cancels. Leave it empty for the gateway’s title.',
  original: 'Original title: {{title}}',
  renamed: 'Renamed “{{from}}” to “{{to}}”.',
  reset: 'Back to the original title “{{title}}”.',
  noteLabel: 'Your note',
  notePlaceholder: 'Which take is which, what to change, where it goes…',
  // The key combination between them is shown as <kbd>Ctrl/⌘+Enter</kbd>.
  noteHelpBefore: 'Saved when you leave the field, or with',
  noteHelpAfter: '.',
  saved: 'Saved',
  saving: 'Saving…',
  failed: 'Not saved: {{message}}'
}
