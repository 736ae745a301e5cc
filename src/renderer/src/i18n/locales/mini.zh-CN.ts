import type { miniWindowEn } from './mini.en'

// 始终置顶的迷你播放器窗口（issue 15）。
export const miniWindowZhCN: typeof miniWindowEn = {
  back: '回到主窗口',
  backHint: '回到主窗口（双击窗口，或按 Ctrl/Cmd+Shift+M）'
}
