import type { libraryEn } from './library.en'

export const libraryZhCN: typeof libraryEn = {
  title: '曲库',
  emptyTitle: '曲库还是空的',
  emptyBody:
    '粘贴 Suno 生成接口返回的任务 ID。歌架会轮询你的网关，把完成的歌曲、视频和封面下载到这里，离线也能播放。',
  emptyAction: '添加任务 ID',
  emptySettings: '先设置网关',
  infoFolder: '曲库文件夹',
  infoData: '数据文件夹',
  unavailable: '曲库文件夹不可用。请连接该磁盘，或在设置中选择其他文件夹。'
}
