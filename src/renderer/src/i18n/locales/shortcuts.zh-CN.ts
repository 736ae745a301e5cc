import type { shortcutsEn } from './shortcuts.en'

export const shortcutsZhCN: typeof shortcutsEn = {
  title: '键盘快捷键',
  intro: '除了在文本框中输入时，这些快捷键在任何地方都可用。',
  close: '关闭',
  keyColumn: '按键',
  actionColumn: '作用',
  space: '空格',
  shift: 'Shift',
  mod: 'Ctrl/⌘',
  action: {
    togglePlay: '播放或暂停',
    seekBack: '后退 5 秒',
    seekForward: '前进 5 秒',
    previous: '上一首',
    next: '下一首',
    volumeUp: '增大音量',
    volumeDown: '减小音量',
    search: '搜索曲库',
    favorite: '收藏（或取消收藏）正在播放的歌曲',
    favoriteOutsideList: '同上，在列表和封面之外（在那里，字母用于跳到标题）',
    typeAhead: '在列表或封面中：跳到标题以所输入文字开头的第一首歌（输入过程中空格也算）',
    miniPlayer: '打开或关闭迷你播放器（视图 ▸ 迷你播放器）',
    help: '显示此列表'
  }
}
