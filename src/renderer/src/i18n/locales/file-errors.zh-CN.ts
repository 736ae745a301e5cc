import type { fileErrorsEn } from './file-errors.en'

export const fileErrorsZhCN: typeof fileErrorsEn = {
  file_html_page: '服务器发来的是网页，而不是这个文件。',
  file_wrong_type: '服务器发来的不是这个文件（错误信息或其他类型的文件）。',
  file_truncated: '下载在结束前中断了，稍后会继续。',
  file_too_large: '文件超过大小上限，所以没有保存。',
  file_http_4xx: '服务器拒绝发送这个文件。',
  file_forbidden: '这个文件的链接已不再允许访问（已过期或被禁止）。',
  file_not_found: '服务器上已没有这个文件（链接可能已过期）。',
  file_http_5xx: '服务器发送文件时出了问题，稍后会重试。',
  file_rate_limited: '服务器要求放慢速度，稍后会重试下载。',
  file_network: '无法连接服务器。请检查网络连接。',
  file_timeout: '服务器停止了响应，稍后会重试下载。',
  file_disk_full: '磁盘已满：下载已暂停。请释放一些空间后点“继续”。',
  file_aborted: '下载已停止，之后会从中断处继续。',
  file_range_mismatch: '服务器发来的文件片段不对，下载会重新开始。',
  file_invalid_url: '这个文件的链接不是可下载的 https 地址。',
  file_io: '无法把文件写入曲库文件夹。',
  file_not_verified: '曲库文件夹里的文件与下载的不一致（被其他程序改动过），会重新下载。',
  file_library_missing:
    '曲库文件夹不可用，下载已暂停。请连接驱动器或在设置中选择其他文件夹，然后点“继续”。',
  file_stream_link: '网关给的是流式链接，正在等待最终文件。',
  file_forbidden_link: '网关的链接被禁止访问，请联系你的服务商。',
  file_invalid_link: '网关给的链接不是可下载的文件。',
  file_generation_failed: '生成失败了，这个文件永远不会到达。原因请看对应的任务。'
}
