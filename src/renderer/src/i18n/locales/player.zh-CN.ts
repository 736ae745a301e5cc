import type { playerEn } from './player.en'

export const playerZhCN: typeof playerEn = {
  title: '播放器'
}
