import type { tasksEn } from './tasks.en'

export const tasksZhCN: typeof tasksEn = {
  title: '任务'
}
