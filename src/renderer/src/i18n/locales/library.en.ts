export const libraryEn = {
  title: 'Library',
  emptyTitle: 'Your library is empty',
  emptyBody:
    'Paste the task ids your Suno generate calls returned. Songshelf polls your gateway and downloads every finished song, video and cover here, to play offline.',
  emptyAction: 'Add task ids',
  emptySettings: 'Set up your gateway first',
  infoFolder: 'Library folder',
  infoData: 'Data folder',
  unavailable:
    'The library folder is not available. Connect the drive or choose another folder in Settings.'
}
