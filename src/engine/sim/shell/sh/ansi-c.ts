// The body of a `$'…'` string, decoded as ash does (bash's ANSI-C quoting): `\n`, `\t`, `\xHH`, octal and the
// rest; a backslash before any other character stays. Its own file: the word reader only needs where it ends.

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** What `$'…'` read: its text, where reading stopped, the newlines it crossed, and whether its `'` was found. */
export interface AnsiC {
  text: string;
  end: number;
  lines: number;
  closed: boolean;
}

/** Decodes from `pos` (just after `$'`) through the closing `'`, or to the end of `src` when there is none. */
export function readAnsiC(src: string, pos: number): AnsiC {
  let text = '';
  let lines = 0;
  while (pos < src.length) {
    const c = src[pos] ?? '';
    pos++;
    if (c === "'") return { text, end: pos, lines, closed: true };
    if (c !== '\\') {
      if (c === '\n') lines++;
      text += c;
      continue;
    }
    const n = src[pos] ?? '';
    pos++;
    if (n in SIMPLE) text += SIMPLE[n];
    else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(pos));
      if (m) {
        text += String.fromCharCode(parseInt(m[0], 16));
        pos += m[0].length;
      } else text += '\\x';
    } else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{0,2}/.exec(src.slice(pos));
      text += String.fromCharCode(parseInt(n + (m?.[0] ?? ''), 8) & 0xff);
      pos += m?.[0].length ?? 0;
    } else text += `\\${n}`;
  }
  return { text, end: pos, lines, closed: false };
}
