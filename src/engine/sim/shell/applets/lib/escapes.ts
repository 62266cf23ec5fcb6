// bb_process_escape_sequence: the backslash escapes of `echo -e`, `printf` and `tr` (\n, \t, \0NNN octal,
// \xHH hex …), working on bytes so that `\377` yields one byte, not a UTF-8 sequence.

const MAP: Record<string, number> = { a: 7, b: 8, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/**
 * Decodes the escape starting at `bytes[i]` (the character after the backslash). Returns the byte and the
 * index after the sequence; an unknown escape yields a backslash and leaves `i` unchanged.
 */
export function processEscape(bytes: Uint8Array, i: number): { byte: number; next: number } {
  let q = i;
  let base = 8;
  let digits = 0;
  let n = 0;
  if (bytes[q] === 0x78) {
    q++;
    base = 16;
    digits++;
  }
  do {
    const ch = bytes[q] ?? 0;
    let d = ch - 48;
    if (d < 0 || d >= 10) {
      const lower = ch | 0x20;
      d = lower >= 97 && lower <= 122 ? lower - 97 + 10 : 99;
    }
    if (d >= base) {
      if (base === 16) {
        digits--;
        if (digits === 0) return { byte: 92, next: i };
      }
      break;
    }
    const r = n * base + d;
    if (r > 255) break;
    n = r;
    q++;
  } while (++digits < 3);
  if (digits === 0) {
    const c = String.fromCharCode(bytes[q] ?? 0);
    const mapped = MAP[c];
    if (mapped !== undefined) return { byte: mapped, next: q + 1 };
    return { byte: 92, next: q };
  }
  return { byte: n, next: q };
}
