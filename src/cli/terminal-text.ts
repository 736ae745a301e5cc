// Gateway text (titles, style tags, fail reasons) is printed by the CLI, and a terminal
// obeys control characters in it: OSC 52 writes the clipboard, OSC 0 the window title,
// CSI 2J clears the screen, a bare CR overwrites the start of the line, and bidi
// overrides reorder what is shown (docs/RELIABILITY.md#hostile-input). Human output therefore shows every C0
// and C1 control, DEL, line/paragraph separators and bidi controls as a visible escape
// (`\x1b`, `\u202e`); `--json` output is written untouched.

// C0 (including TAB, LF and CR), DEL, C1, U+2028/U+2029, and the bidi controls
// (ALM, LRM, RLM, LRE…RLO, LRI…PDI).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu

function visible(char: string): string {
  const code = char.charCodeAt(0)
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}

/** The text with every terminal control and bidi character replaced by a visible escape.
 * Idempotent on its own output (the escapes are printable ASCII). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visible)
}
