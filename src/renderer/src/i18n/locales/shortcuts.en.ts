export const shortcutsEn = {
  title: 'Shortcuts'
}
