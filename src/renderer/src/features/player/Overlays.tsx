import type { JSX } from 'react'
import { Onboarding } from '../onboarding/Onboarding'
import { ShortcutsHelp } from '../shortcuts/ShortcutsHelp'
import { VideoPanel } from './VideoPanel'
import '../../elements/buttons.css'
import './player.css'

/** App-wide overlays: the video panel, the shortcuts help, first-run. */
export function Overlays(): JSX.Element {
  return (
    <>
      <VideoPanel />
      <ShortcutsHelp />
      <Onboarding />
    </>
  )
}
