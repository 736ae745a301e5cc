import type { gesturesEn } from './gestures.en'

export const gesturesZhCN: typeof gesturesEn = {
  take: '第 {{take}} 版',
  takeOf: '第 {{take}}/{{of}} 版',
  shortId: '#{{id}}',
  shortIdHint: '歌曲 ID {{id}}：网关没有说明这是第几版',
  titleWithMark: '{{title}}（{{mark}}）',
  hasVideo: '有视频',
  playTitle: '播放 {{title}}'
}
