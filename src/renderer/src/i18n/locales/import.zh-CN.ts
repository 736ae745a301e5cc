import type { importEn } from './import.en'

export const importZhCN: typeof importEn = {
  title: '导入你已有的歌曲',
  intro: '在你选择“导入”之前不会复制任何文件。拖入的文件只会被读取。',
  reading: '正在读取拖入的文件…',
  groupImport: '将导入',
  groupMerge: '将与曲库中的歌曲合并',
  groupSkip: '跳过',
  summary:
    '导入 {{imported, number}} 首，合并 {{merged, number}} 首，跳过 {{skipped, number}} 个。',
  truncated: '这些文件夹里的文件超过一次导入的上限；只列出了前 {{count, number}} 个。',
  run: '导入',
  cancel: '取消',
  close: '关闭',
  reasons: {
    inside_library: '已经在曲库文件夹里。',
    missing: '没有这个文件。',
    not_mp3: '只能导入 mp3 文件。',
    unreadable: '不是可读取的 mp3。',
    same_song: '与另一个拖入的文件是同一首歌。',
    in_library: '这首歌已经在曲库里。',
    fills_audio: '为曲库中已有的歌曲补上音频。',
    suno_id: 'Suno 歌曲：文件里有它的片段 ID。',
    local_song: '没有找到 Suno ID：作为本地歌曲导入。'
  },
  idSource: {
    tag: 'ID 来自标签',
    link: 'ID 来自标签中的 suno.com 链接',
    name: 'ID 来自文件名'
  },
  progressReading: '正在读取标签：{{done, number}} / {{total, number}}',
  progressCopying: '正在复制到曲库：{{done, number}} / {{total, number}}',
  done: '已导入 {{imported, number}} 首，合并 {{merged, number}} 首，跳过 {{skipped, number}} 个。',
  failed: '导入已停止：{{message}}'
}
