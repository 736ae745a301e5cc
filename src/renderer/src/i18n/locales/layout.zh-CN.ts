import type { layoutEn } from './layout.en'

export const layoutZhCN: typeof layoutEn = {
  collapseNav: '收起导航栏',
  expandNav: '展开导航栏',
  more: '更多',
  moreActions: '更多操作',
  recentShort: '最近 {{days}} 天',
  videoMove: '移动视频面板（拖动或方向键）',
  videoResize: '调整视频面板大小（拖动或方向键）'
}
