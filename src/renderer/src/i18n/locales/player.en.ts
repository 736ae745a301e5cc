export const playerEn = {
  title: 'Player',
  nothingPlaying: 'Nothing playing',
  play: 'Play',
  pause: 'Pause',
  previous: 'Previous',
  next: 'Next',
  shuffle: 'Shuffle',
  repeat: {
    off: 'Repeat: off',
    all: 'Repeat: the whole queue',
    one: 'Repeat: this song'
  },
  seek: 'Seek',
  seekValue: '{{position}} of {{duration}}',
  volume: 'Volume',
  mute: 'Mute',
  unmute: 'Unmute',
  error: {
    media: 'This song cannot be played. Its file may be missing or still downloading.',
    blocked: 'Playback was blocked. Press play to start.'
  },
  video: {
    show: 'Video',
    title: 'Video',
    fullscreen: 'Full screen',
    close: 'Close the video (keeps playing the song)'
  },
  queue: {
    toggle: 'Queue',
    title: 'Queue',
    count_one: '{{count, number}} song',
    count_other: '{{count, number}} songs',
    clear: 'Clear',
    clearHint: 'Removes every song from the queue except the one playing',
    close: 'Close the queue',
    empty: 'The queue is empty. Play a song from the library, or add songs to the queue.',
    playEntry: 'Play {{title}} (number {{position}} in the queue)',
    moveUp: 'Move {{title}} up',
    moveDown: 'Move {{title}} down',
    remove: 'Remove {{title}} from the queue'
  },
  playback: {
    title: 'Playback',
    hint: 'Songs follow each other without a gap: the next one is loaded while this one plays.',
    crossfade: 'Crossfade between songs',
    off: 'Off',
    seconds_one: '{{count, number}} second',
    seconds_other: '{{count, number}} seconds'
  }
}
