import type { clipTextEn } from './clip-text.en'

export const clipTextZhCN: typeof clipTextEn = {
  renameHint: '点击或按 F2 重命名',
  rename: '重命名…',
  titleLabel: '标题',
  titleHelp: '按 Enter 保存，按 Esc 取消。留空则恢复网关的标题。',
  original: '原标题：{{title}}',
  renamed: '已将“{{from}}”重命名为“{{to}}”。',
  reset: '已恢复原标题“{{title}}”。',
  noteLabel: '你的备注',
  notePlaceholder: '哪个版本是哪个、要改什么、用在哪里……',
  noteHelpBefore: '离开输入框或按',
  noteHelpAfter: ' 时保存。',
  saved: '已保存',
  saving: '正在保存…',
  failed: '未保存：{{message}}'
}
