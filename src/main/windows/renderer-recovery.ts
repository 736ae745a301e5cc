import type { RenderProcessGoneDetails } from 'electron'
import { mainLocale } from '../desktop/startup-failure'

// `render-process-gone` (docs/api/web-contents.md): the page crashed, was killed or ran
// out of memory. Without a handler the window just stays blank. Reload it and say why;
// a page that keeps dying (three times within a minute) is not reloaded in a loop.

const TEXT = {
  en: {
    title: 'Songshelf reloaded its window',
    reloaded: 'The window stopped unexpectedly ({reason}) and was reloaded. Downloads went on.',
    gaveUp:
      'The window keeps stopping ({reason}). Quit and start Songshelf again; if it happens again, report it.'
  },
  'zh-CN': {
    title: 'Songshelf 已重新载入窗口',
    reloaded: '窗口意外停止（{reason}），已重新载入。下载没有中断。',
    gaveUp: '窗口反复停止（{reason}）。请退出并重新启动 Songshelf；如果再次发生，请报告此问题。'
  }
} as const

export interface RecoveryDeps {
  reload: () => void
  notify: (title: string, message: string) => void
  now: () => number
  locale: string
  maxReloads?: number
  windowMs?: number
}

export type RecoveryAction = 'ignored' | 'reloaded' | 'gave-up'

/** Returns the `render-process-gone` listener for one window. */
export function createRendererRecovery(
  deps: RecoveryDeps
): (details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>) => RecoveryAction {
  const recent: number[] = []
  const max = deps.maxReloads ?? 3
  const windowMs = deps.windowMs ?? 60_000
  const text = TEXT[mainLocale(deps.locale)]
  return (details) => {
    if (details.reason === 'clean-exit') return 'ignored'
    const now = deps.now()
    while (recent.length > 0 && now - (recent[0] as number) > windowMs) recent.shift()
    const reason = `${details.reason}, ${details.exitCode}`
    if (recent.length >= max) {
      deps.notify(text.title, text.gaveUp.replace('{reason}', reason))
      return 'gave-up'
    }
    recent.push(now)
    deps.reload()
    deps.notify(text.title, text.reloaded.replace('{reason}', reason))
    return 'reloaded'
  }
}
