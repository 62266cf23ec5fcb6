// Text from a submission (a folder's name, a path in a message) printed to the teacher's terminal: control
// characters would move the cursor, recolour or retitle the terminal, or split a progress line, so each is shown
// as an escape (`\x1b`, `\n`) instead. Bidirectional overrides are escaped too: they reorder what is shown.

/** The C0 and C1 controls, DEL, and the bidirectional embedding, override and isolate marks. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control character shown as an escape, safe to print on a terminal line. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}
