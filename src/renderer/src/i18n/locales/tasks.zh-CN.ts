import type { tasksEn } from './tasks.en'

export const tasksZhCN: typeof tasksEn = {
  title: '任务',
  pollNow: '立即检查',
  polling: '正在检查网关…',
  nothingToCheck: '没有等待检查的任务：所有任务都已完成。',
  pause: '暂停下载',
  resume: '继续下载',
  actionFailed: '操作失败：{{reason}}',
  retried_one: '正在重新检查 {{count, number}} 个任务。',
  retried_other: '正在重新检查 {{count, number}} 个任务。',
  fileRetried: '将重新下载该文件。',
  removed_one: '已移除 {{count, number}} 个任务，歌曲仍保留在曲库中。',
  removed_other: '已移除 {{count, number}} 个任务，歌曲仍保留在曲库中。',
  confirmRemove: {
    title_one: '移除这个任务？',
    title_other: '移除 {{count, number}} 个任务？',
    body_one: '歌架将不再检查它。已下载的歌曲仍保留在曲库中；再次粘贴该 ID 即可恢复任务。',
    body_other: '歌架将不再检查它们。已下载的歌曲仍保留在曲库中；再次粘贴这些 ID 即可恢复任务。',
    cancel: '保留',
    confirm_one: '移除任务',
    confirm_other: '移除 {{count, number}} 个任务'
  },
  paste: {
    label: '添加任务 ID',
    hint: '粘贴任何包含任务 ID 的内容：生成接口的返回、日志或列表。歌架会找出其中的 ID，添加前先给你确认。',
    placeholder: '{"code":"success","data":"0b7c1f5e-…"}',
    noneFound: '这段文字里还没有找到任务 ID。',
    found_one: '找到 {{count, number}} 个任务 ID。',
    found_other: '找到 {{count, number}} 个任务 ID。',
    alreadyListed_one: '其中 {{count, number}} 个已在列表中。',
    alreadyListed_other: '其中 {{count, number}} 个已在列表中。',
    foundList: '找到的任务 ID',
    more_one: '还有 {{count, number}} 个',
    more_other: '还有 {{count, number}} 个',
    invalid_one: '这一项看起来像 ID 但不完整，不会被添加：',
    invalid_other: '这些看起来像 ID 但不完整，不会被添加：',
    add_one: '添加 {{count, number}} 个任务',
    add_other: '添加 {{count, number}} 个任务',
    addNone: '添加任务',
    resultAdded_one: '已添加 {{count, number}} 个',
    resultAdded_other: '已添加 {{count, number}} 个',
    resultKnown_one: '{{count, number}} 个已存在',
    resultKnown_other: '{{count, number}} 个已存在',
    resultInvalid_one: '{{count, number}} 个不是有效 ID',
    resultInvalid_other: '{{count, number}} 个不是有效 ID',
    separator: '，',
    failed: '无法添加任务：{{reason}}'
  },
  phase: {
    waiting: '等待中',
    generating: '生成中',
    downloading: '下载中',
    done: '已完成',
    failed: '失败',
    not_found: '未找到',
    stale: '无响应',
    unreadable: '无法读取的结果'
  },
  lyrics: {
    show: '歌词：',
    untitled: '无标题',
    copy: '复制歌词',
    copied: '已复制'
  },
  detail: {
    waiting: 'Suno 还没有开始这个任务。',
    generating: 'Suno 正在生成歌曲。',
    done_one: '已完成：{{count, number}} 首歌已在曲库中。',
    done_other: '已完成：{{count, number}} 首歌已在曲库中。',
    failed: '生成失败。',
    gatewaySaid: '网关返回：',
    noReason: '网关没有给出原因。',
    notFound: '网关不认识这个任务 ID。请确认 ID 复制完整，并且是用这个网关和密钥生成的。',
    stale: '很久没有新消息。歌架会继续检查，但频率降低。',
    lyricsDone: '已完成：歌词已生成。',
    unreadable: '网关说任务已完成，但发来的内容里没有歌架能读懂的歌曲。',
    unreadableRetrying: '歌架会再问几次，以防歌曲晚到。',
    unreadableFinal:
      '歌架已询问 {{count, number}} 次，不再继续。可以点“重试”再问一次，或把下面的回答发给你的网关提供方。'
  },
  answer: {
    show: '网关的原始回答（已去除个人信息）',
    copy: '复制回答',
    copied: '已复制'
  },
  item: {
    added: '添加于{{when}}',
    nextCheck: '下次检查：{{when}}。',
    retry: '重试',
    retryLabel: '重试任务 {{id}}',
    remove: '移除',
    removeLabel: '移除任务 {{id}}',
    files: '已下载 {{done}} / {{total}} 个文件',
    filesLabel: '任务 {{id}} 的文件',
    fileLabel: '{{clip}} 的{{kind}}',
    bytesOf: '{{bytes}} / {{total}}',
    fileError: '{{clip}} 的{{kind}}下载失败：',
    retryFile: '重新下载'
  },
  kind: {
    audio: '歌曲',
    video: '视频',
    cover: '封面',
    video_cover: '动态封面'
  },
  list: {
    title: '你的任务',
    filterLabel: '显示',
    retryAll: '全部重试',
    removeAll: '移除所有已完成',
    loadFailed: '无法加载任务列表，歌架会再试一次。',
    empty: '还没有任务。在上方粘贴生成接口返回的 ID。',
    emptyFilter: '此视图中没有任务。'
  },
  filter: {
    all: '全部',
    active: '进行中',
    done: '已完成',
    problems: '有问题'
  },
  summary: {
    pending_one: '{{count, number}} 个任务进行中',
    pending_other: '{{count, number}} 个任务进行中',
    separator: ' · ',
    paused: '下载已暂停',
    downloads: '{{active}} 个下载中，{{queued}} 个等待中',
    lastPoll: '上次检查：{{when}}',
    nextPoll: '下次检查：{{when}}',
    overallLabel: '全部下载',
    files_one: '{{count, number}} 个文件',
    files_other: '{{count, number}} 个文件'
  },
  banner: {
    holder: { cli: 'songshelf sync', 'web-preview': '网页预览', electron: '桌面应用' },
    offline: '你已离线——网络恢复后，歌架会自动继续。',
    unreachable: '网络正常，但无法通过该地址连接到网关。请在设置中检查地址；歌架会继续重试。',
    auth: '网关拒绝了你的密钥，检查已暂停，所有任务都会保留。请检查密钥、余额或 IP 白名单。',
    config: '歌架需要先设置网关地址和密钥，才能获取歌曲。',
    diskFull: '磁盘已满，下载已暂停，没有丢失任何内容。请释放一些空间后继续。',
    paused: '下载已暂停。',
    indexRecovered:
      '曲库索引已损坏，Songshelf 已将其移到一旁，并根据曲库文件夹重建：已恢复 {{clips}} 首歌曲和 {{tasks}} 个待处理任务。损坏的副本保存在 {{path}}。',
    indexRecoveredNoRebuild:
      '曲库索引已损坏，Songshelf 已将其移到一旁（保存在 {{path}}），并新建了索引，保留 {{tasks}} 个待处理任务。请连接曲库文件夹，然后在设置中选择“重建”。',
    dismiss: '关闭',
    elsewhere:
      '另一个 Songshelf（终端里的同步、应用或预览）正在同步这个曲库，所以此窗口只用于浏览。它停止后，此窗口会接手同步，不会丢失任何内容。',
    openSettings: '打开设置',
    resume: '继续下载',
    details: '详情：'
  },
  refused: {
    summary_one: '{{count, number}} 首歌曲被拒收（ID 不安全）',
    summary_other: '{{count, number}} 首歌曲被拒收（ID 不安全）',
    why: '网关为这些歌曲提供的 ID 无法被 Songshelf 安全使用，因此没有下载。该任务的其他歌曲不受影响。',
    code: {
      empty: 'ID 为空。',
      too_long: 'ID 超过 128 个字符。',
      path: 'ID 看起来像文件路径（包含 /、\\ 或 ..）。',
      control: 'ID 包含控制字符或文字方向字符。',
      characters: 'ID 包含歌曲 ID 中不会出现的字符。'
    }
  }
}
