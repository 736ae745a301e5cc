import type { JSX } from 'react'
import { useApplyPreferences } from '../../hooks/useApplyPreferences'
import { Onboarding } from '../onboarding/Onboarding'
import { ShortcutsHelp } from '../shortcuts/ShortcutsHelp'
import { useGlobalShortcuts } from '../shortcuts/useGlobalShortcuts'
import { useMenuCommands } from '../shortcuts/useMenuCommands'
import { VideoPanel } from './VideoPanel'
import '../../elements/buttons.css'
import './player.css'

/** App-wide overlays: the video panel, the shortcuts help, first-run. Always mounted, so
 * it also hosts the app-wide hooks: saved language and theme, keyboard shortcuts and the
 * app menu's commands. */
export function Overlays(): JSX.Element {
  useApplyPreferences()
  useGlobalShortcuts()
  useMenuCommands()
  return (
    <>
      <VideoPanel />
      <ShortcutsHelp />
      <Onboarding />
    </>
  )
}
