// ANSI colour codes (the legacy builder wraps a failing RUN's stderr in `ESC[91m` … `ESC[0m`): written as the
// visible text `\x1b`, the form the reference uses, so both sides compare and print the same way.

/** Turns each ESC byte into the four characters `\x1b`. */
export function showEscapes(text: string): string {
  return text.replaceAll('\x1b', '\\x1b');
}
