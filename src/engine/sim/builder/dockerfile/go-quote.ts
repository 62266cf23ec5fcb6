// Go's strconv.Quote and fmt's %q of a string slice. buildkit's parse dump and several Docker error texts
// (`can't find = in "x"`, `invalid name for build stage: "x"`) quote with them, so the simulator must too.

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

const SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** strconv.Quote: a double-quoted Go string literal, printable runes kept as they are. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    out += quoteRune(ch);
  }
  return `${out}"`;
}

/** fmt's %q of a []string: `["a" "b"]`. */
export function goQuoteList(list: readonly string[]): string {
  return `[${list.map(goQuote).join(' ')}]`;
}

function quoteRune(ch: string): string {
  if (ch === '"' || ch === '\\') return `\\${ch}`;
  if (ch === ' ' || PRINTABLE.test(ch)) return ch;
  const short = SHORT_ESCAPES[ch];
  if (short !== undefined) return short;
  const cp = ch.codePointAt(0) as number;
  // A lone surrogate cannot come from valid UTF-8; Go would have seen the replacement character instead.
  if (cp >= 0xd800 && cp <= 0xdfff) return '\ufffd';
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}
