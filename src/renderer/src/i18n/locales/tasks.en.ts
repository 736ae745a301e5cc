export const tasksEn = {
  title: 'Tasks',
  pollNow: 'Check now',
  polling: 'Checking the gateway now…',
  nothingToCheck: 'Nothing is waiting to be checked: every task has finished.',
  pause: 'Pause downloads',
  resume: 'Resume downloads',
  actionFailed: 'That did not work: {{reason}}',
  retried_one: '{{count, number}} task is being checked again now.',
  retried_other: '{{count, number}} tasks are being checked again now.',
  fileRetried: 'The file will be downloaded again.',
  removed_one: '{{count, number}} task removed. Its songs stay in your library.',
  removed_other: '{{count, number}} tasks removed. Their songs stay in your library.',
  confirmRemove: {
    title_one: 'Remove this task?',
    title_other: 'Remove {{count, number}} tasks?',
    body_one:
      'Songshelf stops checking it. Songs already downloaded stay in your library; pasting the id again brings the task back.',
    body_other:
      'Songshelf stops checking them. Songs already downloaded stay in your library; pasting the ids again brings the tasks back.',
    cancel: 'Keep',
    confirm_one: 'Remove task',
    confirm_other: 'Remove {{count, number}} tasks'
  },
  paste: {
    label: 'Add task ids',
    hint: 'Paste anything that contains task ids: the answer of a generate call, a log, a list. Songshelf finds the ids and shows them before adding.',
    placeholder: '{"code":"success","data":"0b7c1f5e-…"}',
    noneFound: 'No task ids found in this text yet.',
    found_one: 'Found {{count, number}} task id.',
    found_other: 'Found {{count, number}} task ids.',
    alreadyListed_one: '{{count, number}} of them is already in your list.',
    alreadyListed_other: '{{count, number}} of them are already in your list.',
    foundList: 'Task ids found',
    more_one: 'and {{count, number}} more',
    more_other: 'and {{count, number}} more',
    invalid_one: 'This looks like an id but is incomplete, so it will not be added:',
    invalid_other: 'These look like ids but are incomplete, so they will not be added:',
    add_one: 'Add {{count, number}} task',
    add_other: 'Add {{count, number}} tasks',
    addNone: 'Add tasks',
    resultAdded_one: '{{count, number}} added',
    resultAdded_other: '{{count, number}} added',
    resultKnown_one: '{{count, number}} already known',
    resultKnown_other: '{{count, number}} already known',
    resultInvalid_one: '{{count, number}} not a valid id',
    resultInvalid_other: '{{count, number}} not valid ids',
    separator: ', ',
    failed: 'Could not add the tasks: {{reason}}'
  },
  phase: {
    waiting: 'Waiting',
    generating: 'Generating',
    downloading: 'Downloading',
    done: 'Done',
    failed: 'Failed',
    not_found: 'Not found',
    stale: 'No answer',
    unreadable: 'Unreadable answer'
  },
  detail: {
    waiting: 'Suno has not started this task yet.',
    generating: 'Suno is making the songs.',
    done_one: 'Finished: {{count, number}} song is in your library.',
    done_other: 'Finished: {{count, number}} songs are in your library.',
    failed: 'The generation failed.',
    // The gateway's fail_reason is its own words, quoted after this lead (issue 13, defect 11).
    gatewaySaid: 'The gateway said:',
    noReason: 'The gateway gave no reason.',
    notFound:
      'The gateway does not know this task id. Check that it was copied whole and that it was made with this gateway and key.',
    stale: 'No news for a long time. Songshelf keeps checking, less often.',
    lyricsDone: 'Finished: the lyrics are ready.',
    unreadable: 'The gateway says it finished but sent no songs Songshelf understands.',
    unreadableRetrying: 'Songshelf asks again in case the songs arrive late.',
    unreadableFinal:
      'Songshelf asked {{count, number}} times and gave up. Press Retry to ask again, or send the answer below to whoever runs your gateway.'
  },
  answer: {
    show: 'The gateway’s answer (personal fields removed)',
    copy: 'Copy answer',
    copied: 'Copied'
  },
  lyrics: {
    show: 'Lyrics:',
    untitled: 'Untitled',
    copy: 'Copy lyrics',
    copied: 'Copied'
  },
  item: {
    added: 'added {{when}}',
    nextCheck: 'Next check {{when}}.',
    retry: 'Retry',
    retryLabel: 'Retry task {{id}}',
    remove: 'Remove',
    removeLabel: 'Remove task {{id}}',
    files: '{{done}} of {{total}} files downloaded',
    filesLabel: 'Files of task {{id}}',
    fileLabel: '{{kind}} of {{clip}}',
    bytesOf: '{{bytes}} of {{total}}',
    fileError: '{{kind}} of {{clip}} failed:',
    retryFile: 'Download again'
  },
  kind: {
    audio: 'Song',
    video: 'Video',
    cover: 'Cover',
    video_cover: 'Animated cover'
  },
  list: {
    title: 'Your tasks',
    filterLabel: 'Show',
    retryAll: 'Retry all',
    removeAll: 'Remove all finished',
    loadFailed: 'The task list could not be loaded. Songshelf will try again.',
    empty: 'No tasks yet. Paste the ids of your generate calls above.',
    emptyFilter: 'No tasks in this view.'
  },
  filter: {
    all: 'All',
    active: 'In progress',
    done: 'Done',
    problems: 'Problems'
  },
  summary: {
    pending_one: '{{count, number}} task in progress',
    pending_other: '{{count, number}} tasks in progress',
    separator: ' · ',
    paused: 'downloads paused',
    downloads: '{{active}} downloading, {{queued}} waiting',
    lastPoll: 'last checked {{when}}',
    nextPoll: 'next check {{when}}',
    overallLabel: 'All downloads',
    files_one: '{{count, number}} file',
    files_other: '{{count, number}} files'
  },
  banner: {
    holder: { cli: 'songshelf sync', 'web-preview': 'the preview', electron: 'the app' },
    offline: "You're offline — Songshelf will resume when the network returns.",
    unreachable:
      'Your network works, but the gateway cannot be reached at its address. Check the address in Settings; Songshelf keeps trying.',
    auth: 'The gateway rejected your key, so checking is paused and every task is kept. Check the key, your credit or the IP allow-list.',
    config: 'Songshelf needs your gateway address and API key before it can fetch songs.',
    diskFull:
      'The disk is full, so downloads are paused. Nothing was lost. Free some space, then resume.',
    paused: 'Downloads are paused.',
    elsewhere:
      'Another Songshelf (a terminal sync, the app or the preview) is syncing this library, so this window only shows it. It takes over when that one stops; nothing is lost.',
    indexRecovered:
      'The library index was damaged, so Songshelf set it aside and rebuilt it from your library folder: {{clips}} songs and {{tasks}} pending tasks are back. The damaged copy was kept as {{path}}.',
    indexRecoveredNoRebuild:
      'The library index was damaged, so Songshelf set it aside (kept as {{path}}) and started a new one with {{tasks}} pending tasks. Connect the library folder, then choose Rebuild in Settings.',
    dismiss: 'Dismiss',
    openSettings: 'Open Settings',
    resume: 'Resume downloads',
    details: 'Details:'
  },
  refused: {
    summary_one: '{{count, number}} song refused (unsafe id)',
    summary_other: '{{count, number}} songs refused (unsafe id)',
    why: 'The gateway sent these songs with an id Songshelf cannot use safely, so they were not downloaded. The other songs of the task are not affected.',
    code: {
      empty: 'The id is empty.',
      too_long: 'The id is longer than 128 characters.',
      path: 'The id looks like a file path (/, \\ or ..).',
      control: 'The id contains control or text-direction characters.',
      characters: 'The id contains characters a clip id never has.'
    }
  }
}
