// Go's notion of whitespace, case and string order, as the Dockerfile parser of Docker 20.10 (written in Go) sees
// them. JavaScript's `\s`, `trim()` and `toUpperCase()` differ in small ways (U+0085 and U+FEFF, 'ß' → 'SS'), and
// those differences would show up in error texts and in how lines are split.

/** Go's unicode.IsSpace: the parser splits words and trims lines with it. */
export function isGoSpace(codePoint: number): boolean {
  switch (codePoint) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return true;
    default:
      return codePoint >= 0x2000 && codePoint <= 0x200a;
  }
}

/** Go's strings.TrimLeftFunc(s, unicode.IsSpace). */
export function trimLeftGoSpace(s: string): string {
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i) as number;
    if (!isGoSpace(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return s.slice(i);
}

/** Go's strings.TrimRightFunc(s, unicode.IsSpace). */
function trimRightGoSpace(s: string): string {
  let end = s.length;
  // Every Go space is a single UTF-16 unit, so walking back unit by unit is safe.
  while (end > 0 && isGoSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end);
}

/** Go's strings.TrimSpace. */
export function trimGoSpace(s: string): string {
  return trimRightGoSpace(trimLeftGoSpace(s));
}

/** Go's strings.ToUpper: one rune to one rune, so 'ß' stays 'ß' where JavaScript would write "SS". */
export function goToUpper(s: string): string {
  return mapRunes(s, (ch) => ch.toUpperCase());
}

/** Go's strings.ToLower, with the same one-rune-to-one-rune rule as goToUpper. */
export function goToLower(s: string): string {
  return mapRunes(s, (ch) => ch.toLowerCase());
}

function mapRunes(s: string, map: (ch: string) => string): string {
  let out = '';
  for (const ch of s) {
    const mapped = map(ch);
    out += [...mapped].length === 1 ? mapped : ch;
  }
  return out;
}

/** Go's string order (byte order of UTF-8, which is code point order); EXPOSE sorts its ports with it. */
export function compareGoStrings(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) as number) - (y[i].codePointAt(0) as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
