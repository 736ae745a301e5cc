export const settingsEn = {
  title: 'Settings',
  loadFailed: 'Settings could not be loaded. Restart Songshelf; if it keeps happening, report it.',
  saved: 'Saved.',
  saveFailed: 'Not saved: {{reason}}',
  invalid: {
    urlMalformed: 'That is not a web address. It should look like https://api.example.com.',
    urlHttps:
      'The address must start with https:// so your key is encrypted on the way. Plain http:// is allowed only for localhost.',
    urlNoCredentials:
      'Remove the user name and password from the address; the key has its own field.',
    urlQuery: 'Remove the part after ? or # from the address.',
    whole: 'Enter a whole number.',
    pollRange: 'Enter a whole number of seconds from {{min}} to {{max}}.',
    concurrencyRange: 'Enter a whole number from {{min}} to {{max}}.',
    required: 'This cannot be empty.',
    tooLong: 'This is too long (200 characters at most).'
  },
  gateway: {
    title: 'Gateway',
    baseUrl: 'Gateway address (base URL)',
    baseUrlHint: 'The part before /suno/fetch, for example https://api.example.com.'
  },
  key: {
    label: 'API key',
    isSet: 'A key is set.',
    notSet: 'No key is set yet.',
    protection: {
      keychain: 'It is stored encrypted by your system keychain.',
      weak: 'It is only weakly protected on this computer.',
      memory:
        'It is kept in memory for this session only; you will need to enter it again next time.',
      locked:
        'It is stored, but your system keychain is locked or refused access, so Songshelf cannot read it right now. Unlock the keychain (or allow access) and Songshelf tries again; the stored key is kept.',
      none: 'It is not stored.'
    },
    weakAdvice:
      'This Linux desktop has no keyring, so the key is scrambled with a fixed password that any program running as you could undo. Install and unlock a keyring (GNOME Keyring or KWallet), then save the key again.',
    placeholder: 'Paste your key',
    replacePlaceholder: 'Paste a new key to replace it',
    save: 'Save key',
    remove: 'Remove key',
    saved: 'Key saved. It is never shown again.',
    removed: 'Key removed.'
  },
  test: {
    button: 'Test connection',
    running: 'Testing…',
    details: 'Details',
    needAddress: 'Enter the gateway address first.',
    detailUrl: 'Asked',
    detailStatus: 'HTTP status',
    noAnswer: 'no answer',
    detailTime: 'Time',
    ms: '{{ms}} ms',
    detailMessage: 'Message',
    result: {
      ok: 'The key works: the gateway accepted it.',
      no_address: 'Enter the gateway address first.',
      key_rejected:
        'The gateway rejected the key. Check that it was copied whole, that the account has credit, and that this computer is allowed (IP allow-list).',
      unreachable: 'The gateway could not be reached. Check the address and your network.',
      not_gateway:
        'This address answered, but not like a Suno gateway. Use the part before /suno/fetch.',
      no_key: 'Enter an API key first.',
      key_for_address:
        'This is not your saved gateway address, so your saved key was not sent to it. Type the key for this address above and test again, or save the address first.',
      error: 'The test could not run.'
    }
  },
  sync: {
    title: 'Checking and downloading',
    pollInterval: 'Check the gateway every (seconds)',
    pollIntervalHint: 'New tasks are checked this often; older ones less often.',
    concurrency: 'Downloads at the same time',
    concurrencyHint: 'From 1 to 8. Fewer is gentler on a slow connection.',
    downloadVideo: 'Download the video (mp4) of each song',
    downloadVideoHint: 'Videos take about ten times the space of the mp3.'
  },
  library: {
    title: 'Library folder',
    folder: 'Songs, videos and covers are saved in',
    change: 'Change folder…',
    open: 'Open folder',
    moved: 'Your files were moved to the new folder.',
    rebuilt: 'The library was rebuilt from the new folder.',
    dialogTitle: 'Use this folder for your library?',
    modeLegend: 'What should happen to your songs?',
    move: 'Move my files',
    moveHint: 'Everything in the current library folder moves to the new one.',
    rebuild: 'Rebuild from the new folder',
    rebuildHint:
      'The new folder already holds a Songshelf library (for example from another computer); the list is rebuilt from its files. The old folder is left as it is.',
    cancel: 'Cancel',
    apply: 'Use this folder'
  },
  appearance: {
    title: 'Language and appearance',
    language: 'Language',
    languages: {
      system: 'Same as the system',
      en: 'English',
      'zh-CN': '中文（简体）'
    },
    theme: 'Theme',
    themes: {
      system: 'Same as the system',
      light: 'Light',
      dark: 'Dark'
    }
  },
  tags: {
    title: 'Tags written into mp3 files',
    hint: 'Other players show these for every song Songshelf downloads.',
    artist: 'Artist',
    album: 'Album'
  },
  notifications: {
    title: 'Notifications',
    label: 'Tell me when new songs have downloaded or a task fails'
  }
}
