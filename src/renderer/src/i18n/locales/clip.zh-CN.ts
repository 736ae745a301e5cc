import type { clipEn } from './clip.en'

export const clipZhCN: typeof clipEn = {
  title: '歌曲详情'
}
