import type { onboardingEn } from './onboarding.en'

export const onboardingZhCN: typeof onboardingEn = {
  title: '欢迎使用歌架',
  step: '第 {{step}} 步，共 {{total}} 步',
  skip: '跳过介绍',
  back: '上一步',
  next: '下一步',
  openTasks: '打开任务',
  gatewayIntro:
    '歌架通过你生成歌曲时使用的接口网关获取 Suno 歌曲。请输入网关地址和密钥，然后测试连接。',
  pasteTitle: '粘贴任务 ID',
  pasteIntro:
    '每次调用生成接口都会返回一个任务 ID。可以粘贴一个或多个——直接粘贴整个返回内容也可以，歌架会找出其中的 ID。',
  watchTitle: '等待下载完成',
  watchIntro:
    '歌架会持续检查每个任务，直到 Suno 完成，然后把歌曲、视频和封面下载到你的曲库文件夹。任务页面会显示每一步。',
  watchHint: '你可以随时关闭歌架，下次打开会从中断处继续。',
  savedKey: '网关地址和密钥已保存。',
  savedAddress: '网关地址已保存。',
  saveFailed: '未保存：{{reason}}'
}
