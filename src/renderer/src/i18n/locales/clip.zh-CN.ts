import type { clipEn } from './clip.en'

export const clipZhCN: typeof clipEn = {
  title: '歌曲详情',
  close: '关闭详情',
  missing: '这首歌曲已不在曲库中。',
  loadFailed: '无法加载歌曲：{{message}}',
  prompt: '描述提示词',
  lyrics: '歌词',
  noLyrics: '没有歌词（纯音乐，或网关未返回歌词）。',
  actions: {
    label: '歌曲操作',
    play: '播放',
    playVideo: '播放视频',
    favorite: '收藏',
    editTags: '编辑标签',
    reveal: '在文件夹中显示',
    copyPrompt: '复制提示词',
    promptCopied: '已复制提示词',
    copyStyle: '复制风格',
    styleCopied: '已复制风格',
    export: '导出'
  },
  facts: {
    style: '风格',
    model: '模型',
    duration: '时长',
    created: '创建时间',
    added: '添加时间',
    plays: '播放次数',
    lastPlayed: '最近播放',
    tags: '我的标签',
    task: '任务'
  },
  lineage: {
    title: '衍生关系',
    extends: '延长自',
    extendsMissing: '延长自一首不在曲库中的歌曲（{{id}}）',
    at: '于 {{time}} 处',
    extendedBy: '被以下歌曲延长',
    siblings: '同批生成',
    edge: {
      cover: '翻唱自',
      remaster: '重制自',
      upsample: '升频自',
      speed: '变速自',
      edit: '编辑自',
      stem: '分轨自',
      extend: '延长自',
      infill: '局部重写自',
      concat: '拼接自'
    }
  },
  files: {
    title: '文件',
    kind: {
      audio: '音频',
      video: '视频',
      cover: '封面',
      video_cover: '动态封面',
      sidecar: '详情（.json）'
    },
    state: {
      done: '已下载',
      pending: '下载中',
      failed: '失败',
      absent: '无',
      missing: '文件缺失'
    },
    missingHint: '该文件已不在曲库文件夹中。',
    again: {
      button: '重新下载',
      label: '重新下载{{kind}}',
      queued: '已重新向网关获取链接，文件正在下载。',
      failed: '无法重新下载：{{message}}',
      refused: {
        gone_upstream: '网关上已没有这首歌，无法重新下载。如有备份，请从备份中恢复该文件。',
        no_link: '网关上仍有这首歌，但已不再提供该文件的可用链接。',
        no_task: '这首歌不是从网关任务下载的（是导入的），因此无处可重新下载。',
        not_missing: '无需重新下载：该文件仍在曲库文件夹中。'
      },
      error: {
        not_configured: '请先在设置中填写网关地址和 API 密钥，才能重新下载文件。',
        library_unavailable: '曲库文件夹不可用。请连接对应的磁盘，或在设置中选择其他文件夹。'
      }
    }
  }
}
