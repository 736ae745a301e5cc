import type { JSX } from 'react'
import { Glyph, type GlyphName } from '../../elements/Glyph'
import { useNavCollapsed } from './nav-collapse'

/** One place in the navigation: an icon and its label. On the collapsed rail the label
 * stays the button's accessible name (visually hidden) and becomes its tooltip. */
export function NavButton({
  icon,
  label,
  active = false,
  onClick
}: {
  icon: GlyphName
  label: string
  active?: boolean
  onClick: () => void
}): JSX.Element {
  const collapsed = useNavCollapsed()
  return (
    <button
      type="button"
      className={active ? 'nav-item active' : 'nav-item'}
      aria-current={active ? 'page' : undefined}
      title={collapsed ? label : undefined}
      onClick={onClick}
    >
      <Glyph name={icon} size={18} />
      <span className="nav-label">{label}</span>
    </button>
  )
}
