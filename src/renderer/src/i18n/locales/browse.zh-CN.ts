import type { browseEn } from './browse.en'

export const browseZhCN: typeof browseEn = {
  searchScope: {
    fields: '显示标题、风格、提示词或标签中匹配的歌曲。',
    lyricsToo: '也搜索歌词'
  },
  typeAhead: {
    goTo: '跳到：{{text}}',
    none: '没有以“{{text}}”开头的标题'
  },
  columns: {
    menuButton: '列',
    menuLabel: '要显示的列',
    titleAlways: '标题始终显示',
    reset: '重置列',
    resize: '调整“{{column}}”列的宽度',
    resizeHint: '拖动，或使用 ← 和 →（按住 Shift 步子更大）；双击或按 Enter 恢复默认宽度',
    addedAt: '添加时间',
    lastPlayed: '上次播放',
    moveLeft: '将“{{column}}”左移',
    moveRight: '将“{{column}}”右移',
    moveHint: '拖动以移动该列，或按 Alt+Shift+← / →；右键查看更多'
  }
}
