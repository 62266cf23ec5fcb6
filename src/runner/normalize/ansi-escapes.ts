// ANSI colour codes (the legacy builder wraps a failing RUN's stderr in `ESC[91m` … `ESC[0m`): written as the
// visible text `\x1b`, the form the reference uses, so both sides compare and print the same way.

/** Turns each ESC byte into the four characters `\x1b`. */
export function showEscapes(text: string): string {
  return text.replaceAll('\x1b', '\\x1b');
}

/**
 * The builder colours each chunk it reads from a RUN's stderr, and how a process's writes arrive in chunks
 * depends on timing (the same build showed "…not found" and "\n" as two chunks and as one). A colour switched
 * off and straight back on marks only a chunk boundary, so it is removed: the coloured text is what counts.
 */
export function joinColourChunks(text: string): string {
  return text.replaceAll('\\x1b[0m\\x1b[91m', '');
}
