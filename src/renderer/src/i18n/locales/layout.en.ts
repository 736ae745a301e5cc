// Issue 13, defect 13: the frame at narrow widths (collapsed navigation, overflow menus,
// the movable video panel).
export const layoutEn = {
  collapseNav: 'Collapse the navigation',
  expandNav: 'Expand the navigation',
  more: 'More',
  moreActions: 'More actions',
  recentShort: 'Last {{days}} days',
  videoMove: 'Move the video panel (drag, or arrow keys)',
  videoResize: 'Resize the video panel (drag, or arrow keys)'
}
