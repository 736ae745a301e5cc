import type { tagsEn } from './tags.en'

export const tagsZhCN: typeof tagsEn = {
  title: '标签'
}
