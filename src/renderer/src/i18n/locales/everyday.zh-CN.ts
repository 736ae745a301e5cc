import type { everydayEn } from './everyday.en'

export const everydayZhCN: typeof everydayEn = {
  playAll: '全部播放',
  shuffleAll: '随机播放全部',
  playAllHint: '按当前顺序播放此视图中的所有歌曲',
  shuffleAllHint: '以随机顺序播放此视图中的所有歌曲',
  menu: {
    label: '“{{title}}”的操作',
    play: '播放',
    playNext: '下一首播放',
    addToQueue: '添加到队列',
    favorite: '加入收藏',
    unfavorite: '取消收藏',
    tags: '标签…',
    showInFolder: '在文件夹中显示',
    copyPrompt: '复制提示词',
    delete: '删除…',
    addToPlaylist: '添加到播放列表',
    removeFromQueue: '从队列中移除',
    queuedNext: '“{{title}}”将在下一首播放。',
    queued: '“{{title}}”已添加到队列。',
    copied: '提示词已复制。',
    noPrompt: '这首歌没有提示词。',
    addedToPlaylist: '已添加到 {{name}}。'
  },
  taskSongs: {
    label: '任务 {{id}} 的歌曲',
    open: '在曲库中打开“{{title}}”'
  },
  taskFilter: {
    show: '显示歌曲',
    showLabel: '在曲库中显示任务 {{id}} 的歌曲',
    menu: '显示此任务的歌曲',
    chip: '任务 {{id}} 的歌曲',
    remove: '重新显示所有歌曲（移除任务筛选）'
  },
  undo: {
    action: '撤销',
    deleted_one: '已删除 {{count, number}} 首歌曲。',
    deleted_other: '已删除 {{count, number}} 首歌曲。',
    restored_one: '已恢复 {{count, number}} 首歌曲。',
    restored_other: '已恢复 {{count, number}} 首歌曲。',
    favorited: '收藏已更改。',
    tagDeleted: '标签“{{name}}”已删除。',
    tagsMerged: '标签已合并到“{{name}}”。',
    undone: '已撤销。',
    nothing: '没有可撤销的操作。',
    failed: '无法撤销：{{message}}',
    dismiss: '关闭'
  }
}
