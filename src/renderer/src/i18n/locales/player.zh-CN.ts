import type { playerEn } from './player.en'

export const playerZhCN: typeof playerEn = {
  title: '播放器',
  nothingPlaying: '未在播放',
  play: '播放',
  pause: '暂停',
  previous: '上一首',
  next: '下一首',
  shuffle: '随机播放',
  repeat: {
    off: '循环：关',
    all: '循环：整个队列',
    one: '循环：单曲'
  },
  seek: '播放进度',
  seekValue: '{{position}} / {{duration}}',
  volume: '音量',
  mute: '静音',
  unmute: '取消静音',
  error: {
    media: '无法播放这首歌。文件可能丢失，或仍在下载中。',
    blocked: '播放被阻止。请按播放键开始。'
  },
  video: {
    show: '视频',
    title: '视频',
    fullscreen: '全屏',
    close: '关闭视频（歌曲继续播放）'
  },
  queue: {
    toggle: '播放队列',
    title: '播放队列',
    count_one: '{{count, number}} 首',
    count_other: '{{count, number}} 首',
    clear: '清空',
    clearHint: '移除队列中除正在播放之外的所有歌曲',
    close: '关闭播放队列',
    empty: '播放队列是空的。从曲库播放一首歌，或把歌曲加入队列。',
    playEntry: '播放 {{title}}（队列第 {{position}} 首）',
    moveUp: '上移 {{title}}',
    moveDown: '下移 {{title}}',
    remove: '从队列中移除 {{title}}'
  },
  playback: {
    title: '播放',
    hint: '歌曲之间没有间隙：当前歌曲播放时就会加载下一首。',
    crossfade: '歌曲之间淡入淡出',
    off: '关闭',
    seconds_one: '{{count, number}} 秒',
    seconds_other: '{{count, number}} 秒'
  }
}
