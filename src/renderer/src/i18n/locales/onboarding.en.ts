export const onboardingEn = {
  title: 'Welcome to Songshelf',
  step: 'Step {{step}} of {{total}}',
  skip: 'Skip the introduction',
  back: 'Back',
  next: 'Next',
  openTasks: 'Open Tasks',
  gatewayIntro:
    'Songshelf fetches your Suno songs through the API gateway you use for generating. Enter its address and your key, then test the connection.',
  pasteTitle: 'Paste your task ids',
  pasteIntro:
    'Every generate call answers with a task id. Paste one or many — the whole answer is fine, Songshelf finds the ids.',
  watchTitle: 'Watch them download',
  watchIntro:
    'Songshelf checks each task until Suno is done, then downloads the song, its video and its cover into your library folder. The Tasks view shows every step.',
  watchHint: 'You can close Songshelf at any time; it picks up where it left off.',
  savedKey: 'Your gateway address and key are saved.',
  savedAddress: 'Your gateway address is saved.',
  saveFailed: 'Not saved: {{reason}}'
}
