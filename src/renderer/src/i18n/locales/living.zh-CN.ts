import type { livingEn } from './living.en'

export const livingZhCN: typeof livingEn = {
  nav: {
    playlists: '播放列表',
    newPlaylist: '新建播放列表',
    newSmart: '新建智能播放列表',
    nowPlaying: '正在播放',
    history: '最近播放',
    dropHint: '放下以添加到 {{name}}'
  },
  playlist: {
    untitled: '新播放列表',
    manual: '播放列表',
    smart: '智能播放列表',
    count_one: '{{count}} 首',
    count_other: '{{count}} 首',
    play: '播放',
    shuffle: '随机播放',
    rename: '重命名…',
    delete: '删除',
    editRule: '编辑规则…',
    remove: '从播放列表移除',
    empty: '这个播放列表是空的。把曲库里的歌曲拖到侧栏中它的名字上。',
    emptySmart: '还没有符合此规则的歌曲。',
    gone: '这个播放列表已不存在。',
    nameLabel: '名称',
    createTitle: '新建播放列表',
    renameTitle: '重命名播放列表',
    create: '创建',
    save: '保存',
    cancel: '取消',
    deleted: '已删除播放列表“{{name}}”。',
    undo: '撤销',
    added_one: '已将 {{count}} 首歌曲添加到“{{name}}”。',
    added_other: '已将 {{count}} 首歌曲添加到“{{name}}”。',
    failed: '操作失败：{{message}}',
    dismiss: '关闭'
  },
  history: {
    title: '最近播放',
    note: '一首歌听满 10 秒或听到结尾才算播放一次；在此之前跳过的会记录在这里，但不计入播放次数。',
    empty: '还没有播放过任何歌曲。',
    finish: '播放到结尾',
    skip: '{{time}} 后跳过',
    heard: '听了 {{time}}',
    counted: '计为一次播放',
    play: '播放 {{title}}',
    gone: '已不在曲库中',
    clear: '清除历史…',
    clearTitle: '清除收听历史？',
    clearBody: '这会忘记每一次收听以及每首歌的最近播放时间。歌曲和播放列表都会保留。',
    resetCounts: '同时把所有播放次数归零',
    clearConfirm: '清除历史',
    cancel: '取消',
    cleared: '收听历史已清除。',
    failed: '操作失败：{{message}}'
  },
  nowPlaying: {
    nothing: '没有在播放。从曲库或播放列表播放一首歌。',
    noLyrics: '这首歌没有歌词。',
    followNote: '高亮按段落跟随，而非逐字同步：歌曲没有时间数据，因此按各段歌词行数分配歌曲时长。',
    model: '模型：{{model}}',
    family_one: '它的家族：{{count}} 首',
    family_other: '它的家族：{{count}} 首（它所延长的歌、另一个版本、它的延长）',
    playFamily: '播放整个家族'
  }
}
