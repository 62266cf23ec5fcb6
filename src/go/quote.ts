// Go's strconv.Quote and friends, shared by everything that must print as Go does: `docker ps` COMMAND,
// `%q` in templates, buildkit's parse dump, and docker's error texts that embed quoted strings.

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** unicode.IsPrint for one code point. */
export function isGoPrint(cp: number): boolean {
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(ch: string, quote: string): string {
  if (ch === quote || ch === '\\') return '\\' + ch;
  const simple = SIMPLE_ESCAPES[ch];
  if (simple !== undefined) return simple;
  const cp = ch.codePointAt(0) ?? 0;
  if (isGoPrint(cp)) return ch;
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd'; // a lone surrogate is an invalid rune in Go
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/** strconv.Quote: what `%q` prints for a string and how docker ps shows COMMAND. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch, '"');
  return out + '"';
}

/** strconv.QuoteRune: `%q` of an integer (`'A'`). */
export function goQuoteRune(cp: number): string {
  const ch = cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  return "'" + escapeRune(ch, "'") + "'";
}

/** `%#U` of a rune: `U+007D '}'`, the quoted character only when printable. */
export function goRuneName(cp: number): string {
  const code = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return isGoPrint(cp) ? `${code} '${String.fromCodePoint(cp)}'` : code;
}

/** `%.10q...` as Go's template lexer shortens long tokens in errors: the first 10 runes, quoted. */
export function goQuoteShort(s: string, runes: number): string {
  const chars = [...s];
  return chars.length > runes ? goQuote(chars.slice(0, runes).join('')) + '...' : goQuote(s);
}

/** strconv.Unquote for template string literals ("…" with Go escapes, or `…` raw). */
export function goUnquote(lit: string): string | undefined {
  if (lit.length < 2) return undefined;
  const q = lit[0];
  if (q === '`') return lit.endsWith('`') ? lit.slice(1, -1).replace(/\r/g, '') : undefined;
  if (q !== '"' || !lit.endsWith('"')) return undefined;
  const body = lit.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch === '"' || ch === '\n') return undefined;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const r = unescape(body, i + 1);
    if (!r) return undefined;
    out += r.text;
    i = r.end - 1;
  }
  return out;
}

const ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'",
};

function unescape(s: string, i: number): { text: string; end: number } | undefined {
  const c = s[i] ?? '';
  const simple = ESCAPES[c];
  if (simple !== undefined) return c === "'" ? undefined : { text: simple, end: i + 1 };
  const widths: Record<string, number> = { x: 2, u: 4, U: 8 };
  const width = widths[c];
  if (width !== undefined) {
    const digits = s.slice(i + 1, i + 1 + width);
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== width) return undefined;
    const n = parseInt(digits, 16);
    if (c === 'x') return { text: String.fromCharCode(n), end: i + 1 + width }; // a byte; exact for ASCII
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
    return { text: String.fromCodePoint(n), end: i + 1 + width };
  }
  if (/[0-7]/.test(c)) {
    const digits = s.slice(i, i + 3);
    if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) return undefined;
    return { text: String.fromCharCode(parseInt(digits, 8)), end: i + 3 };
  }
  return undefined;
}

/** fmt's %q of a []string: `["a" "b"]`. */
export function goQuoteList(list: readonly string[]): string {
  return `[${list.map(goQuote).join(' ')}]`;
}
