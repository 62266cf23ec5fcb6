// Carriage returns: docker prints `\r\n` after `OCI runtime exec failed` and `\r\r\n` after the build-context
// progress line; the reference transcripts were saved without them.

/** Removes every `\r`. */
export function stripCarriageReturns(text: string): string {
  return text.replaceAll('\r', '');
}
