// English strings. zh-CN.ts must have exactly the same keys (a test checks).
export const en = {
  app: { name: 'Songshelf', loading: 'Loading…' },
  nav: { library: 'Library', tasks: 'Tasks', settings: 'Settings', sectionMain: 'Main navigation' },
  library: {
    title: 'Library',
    emptyTitle: 'Your library is empty',
    emptyBody:
      'Paste the task ids your Suno generate calls returned. Songshelf polls your gateway and downloads every finished song, video and cover here, to play offline.',
    emptyAction: 'Add task ids',
    emptySettings: 'Set up your gateway first',
    infoFolder: 'Library folder',
    infoData: 'Data folder',
    unavailable: 'The library folder is not available. Connect the drive or choose another folder in Settings.'
  },
  tasks: { title: 'Tasks' },
  settings: { title: 'Settings' },
  about: { version: 'Version {{version}}', transport: 'Running in {{transport}}' }
}

export type Messages = typeof en
