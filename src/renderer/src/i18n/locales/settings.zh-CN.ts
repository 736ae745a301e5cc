import type { settingsEn } from './settings.en'

export const settingsZhCN: typeof settingsEn = {
  title: '设置',
  loadFailed: '无法加载设置。请重启歌架；如果问题持续，请反馈。',
  saved: '已保存。',
  saveFailed: '未保存：{{reason}}',
  invalid: {
    urlMalformed: '这不是一个网址，应类似 https://api.example.com。',
    urlHttps:
      '地址必须以 https:// 开头，这样密钥在传输中是加密的。只有 localhost 可以使用 http://。',
    urlNoCredentials: '请从地址中删除用户名和密码；密钥有单独的输入框。',
    urlQuery: '请删除地址中 ? 或 # 之后的部分。',
    whole: '请输入整数。',
    pollRange: '请输入 {{min}} 到 {{max}} 之间的整数秒数。',
    concurrencyRange: '请输入 {{min}} 到 {{max}} 之间的整数。',
    required: '此项不能为空。',
    tooLong: '内容太长（最多 200 个字符）。'
  },
  gateway: {
    title: '网关',
    baseUrl: '网关地址（基础网址）',
    baseUrlHint: '即 /suno/fetch 之前的部分，例如 https://api.example.com。'
  },
  key: {
    label: 'API 密钥',
    isSet: '已设置密钥。',
    notSet: '尚未设置密钥。',
    protection: {
      keychain: '它由系统钥匙串加密保存。',
      weak: '它在这台电脑上只有较弱的保护。',
      memory: '它只保存在本次运行的内存中；下次启动需要重新输入。',
      locked:
        '密钥已保存，但系统钥匙串已锁定或拒绝了访问，Songshelf 暂时无法读取。请解锁钥匙串（或允许访问），Songshelf 会再次尝试；已保存的密钥不会被删除。',
      none: '未保存。'
    },
    weakAdvice:
      '这个 Linux 桌面没有密钥环，所以密钥只用固定密码简单加密，以你的身份运行的任何程序都能解开。请安装并解锁密钥环（GNOME Keyring 或 KWallet），然后重新保存密钥。',
    placeholder: '粘贴你的密钥',
    replacePlaceholder: '粘贴新密钥以替换',
    save: '保存密钥',
    remove: '删除密钥',
    saved: '密钥已保存，之后不会再显示。',
    removed: '密钥已删除。'
  },
  test: {
    button: '测试连接',
    running: '正在测试…',
    details: '详情',
    needAddress: '请先输入网关地址。',
    detailUrl: '请求地址',
    detailStatus: 'HTTP 状态',
    noAnswer: '无响应',
    detailTime: '用时',
    ms: '{{ms}} 毫秒',
    detailMessage: '消息',
    result: {
      ok: '密钥可用：网关已接受。',
      no_address: '请先输入网关地址。',
      key_rejected:
        '网关拒绝了密钥。请确认密钥复制完整、账户有余额，并且这台电脑在允许的 IP 列表中。',
      unreachable: '无法连接到网关。请检查地址和网络。',
      not_gateway: '这个地址有响应，但不像 Suno 网关。请使用 /suno/fetch 之前的部分。',
      no_key: '请先输入密钥。',
      key_for_address:
        '这不是已保存的网关地址，所以没有把已保存的密钥发给它。请在上方输入这个地址对应的密钥后再测试，或先保存这个地址。',
      error: '测试无法进行。'
    }
  },
  sync: {
    title: '检查与下载',
    pollInterval: '检查网关的间隔（秒）',
    pollIntervalHint: '新任务按此间隔检查，较早的任务检查得更少。',
    concurrency: '同时下载数',
    concurrencyHint: '1 到 8。网络较慢时少一些更稳妥。',
    downloadVideo: '下载每首歌的视频（mp4）',
    downloadVideoHint: '视频占用的空间大约是 mp3 的十倍。'
  },
  library: {
    title: '曲库文件夹',
    folder: '歌曲、视频和封面保存在',
    change: '更换文件夹…',
    open: '打开文件夹',
    moved: '文件已移动到新文件夹。',
    rebuilt: '已根据新文件夹重建曲库。',
    dialogTitle: '使用这个文件夹作为曲库？',
    modeLegend: '你的歌曲要如何处理？',
    move: '移动我的文件',
    moveHint: '当前曲库文件夹中的所有内容都会移到新文件夹。',
    rebuild: '从新文件夹重建',
    rebuildHint:
      '新文件夹里已经有歌架曲库（例如来自另一台电脑），将根据其中的文件重建列表。旧文件夹保持不变。',
    cancel: '取消',
    apply: '使用此文件夹'
  },
  appearance: {
    title: '语言与外观',
    language: '语言',
    languages: {
      system: '跟随系统',
      en: 'English',
      'zh-CN': '中文（简体）'
    },
    theme: '主题',
    themes: {
      system: '跟随系统',
      light: '浅色',
      dark: '深色'
    }
  },
  tags: {
    title: '写入 mp3 文件的标签',
    hint: '其他播放器会为歌架下载的每首歌显示这些信息。',
    artist: '艺术家',
    album: '专辑'
  },
  notifications: {
    title: '通知',
    label: '新歌下载完成或任务失败时通知我'
  }
}
