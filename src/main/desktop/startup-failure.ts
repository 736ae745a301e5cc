// What the user reads when the app cannot start. Shown in a native dialog before the
// process exits (index.ts): a start-up failure must never leave a windowless process that
// the single-instance lock then keeps alive, so that every later launch quits at once.
// English and 简体中文, picked from the OS locale (main has no i18next).

export type StartupFailureKind =
  'no_sqlite' | 'data_dir' | 'index_damaged' | 'data_dir_in_library' | 'unknown'

export interface StartupFailure {
  kind: StartupFailureKind
  title: string
  message: string
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Sorts a start-up error into what the user can do about it. */
export function classifyStartupFailure(error: unknown): StartupFailureKind {
  const code = codeOf(error)
  const text = messageOf(error)
  if (code === 'ERR_UNKNOWN_BUILTIN_MODULE' || /node:sqlite/.test(text)) return 'no_sqlite'
  if (code === 'data_dir_in_library') return 'data_dir_in_library'
  if (/malformed|not a database|file is encrypted|database corrupt/i.test(text)) {
    return 'index_damaged'
  }
  if (['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EISDIR', 'EEXIST'].includes(code)) {
    return 'data_dir'
  }
  if (/unable to open database|readonly database|disk I\/O error/i.test(text)) return 'data_dir'
  return 'unknown'
}

const TEXT = {
  en: {
    title: 'Songshelf cannot start',
    no_sqlite:
      'This copy of Songshelf has no built-in SQLite (node:sqlite), which the library needs. Reinstall Songshelf from a release for your system.',
    data_dir:
      'Songshelf cannot read or write its data folder:\n{dir}\n\nCheck that the folder exists, that you may write to it and that the disk is not full, then start Songshelf again.',
    index_damaged:
      'The library index in {dir} is damaged. Quit, move library.sqlite out of that folder and start Songshelf again: it rebuilds the index from the songs in your library folder (your files are not touched).',
    data_dir_in_library:
      'The data folder {dir} is inside the library folder. Choose a library folder outside it (or remove libraryDir from settings.json), then start Songshelf again.',
    unknown:
      'Something went wrong while starting. Start Songshelf again; if this keeps happening, report it with the details below.',
    details: 'Details'
  },
  'zh-CN': {
    title: 'Songshelf 无法启动',
    no_sqlite:
      '此版本的 Songshelf 缺少内置 SQLite（node:sqlite），曲库需要它。请从适合你系统的正式发行版重新安装 Songshelf。',
    data_dir:
      'Songshelf 无法读写它的数据文件夹：\n{dir}\n\n请确认该文件夹存在、你有写入权限且磁盘未满，然后重新启动 Songshelf。',
    index_damaged:
      '{dir} 中的曲库索引已损坏。请退出，把 library.sqlite 移出该文件夹后重新启动 Songshelf：它会根据曲库文件夹中的歌曲重建索引（不会改动你的文件）。',
    data_dir_in_library:
      '数据文件夹 {dir} 位于曲库文件夹内。请选择其外的曲库文件夹（或从 settings.json 中删除 libraryDir），然后重新启动 Songshelf。',
    unknown: '启动时出现问题。请重新启动 Songshelf；如果问题持续出现，请附上下面的详细信息报告。',
    details: '详细信息'
  }
} as const

export type MainLocale = keyof typeof TEXT

/** 简体中文 for any Chinese OS locale, English otherwise. */
export function mainLocale(osLocale: string): MainLocale {
  return /^zh/i.test(osLocale) ? 'zh-CN' : 'en'
}

/** The dialog's title and text: the reason, what to do, and the error's own words. */
export function describeStartupFailure(
  error: unknown,
  context: { dataDir: string; locale: string }
): StartupFailure {
  const kind = classifyStartupFailure(error)
  const text = TEXT[mainLocale(context.locale)]
  const detail = messageOf(error).split('\n')[0]?.slice(0, 300) ?? ''
  const message = `${text[kind].replaceAll('{dir}', context.dataDir)}\n\n${text.details}: ${detail}`
  return { kind, title: text.title, message }
}
