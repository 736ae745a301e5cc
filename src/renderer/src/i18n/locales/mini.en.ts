// The always-on-top mini player window (issue 15).
export const miniWindowEn = {
  back: 'Back to the main window',
  backHint: 'Back to the main window (double-click the window, or Ctrl/Cmd+Shift+M)'
}
