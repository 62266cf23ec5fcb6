// Shell pattern matching (fnmatch) for globs, `case` and `${var#pattern}`. Patterns arrive with quoted
// characters escaped by a backslash (as ash marks them with CTLESC), so quoting survives expansion.

import { makeRegex, type RegexLike } from '../../../../regex/make-regex.js';

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
  word: 'A-Za-z0-9_',
};

/** True when the pattern has an unescaped `*`, `?` or a complete `[…]`. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && bracketEnd(pattern, i) !== -1) return true;
  }
  return false;
}

/** Removes the escaping backslashes (the pattern as literal text). */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

/** Escapes every pattern character of a literal text. */
export function escapePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** Compiles a shell pattern into an anchored RegExp. */
export function compilePattern(pattern: string): RegexLike {
  return makeRegex(`^${patternSource(pattern)}$`, 's');
}

/** The RegExp source of a pattern, unanchored. */
function patternSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\') {
      i++;
      out += escapeRe(pattern[i] ?? '\\');
    } else if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const end = bracketEnd(pattern, i);
      if (end === -1) {
        out += '\\[';
        continue;
      }
      out += bracketSource(pattern.slice(i + 1, end));
      i = end;
    } else out += escapeRe(c);
  }
  return out;
}

// Index of the `]` closing the bracket expression opened at `start`, or -1.
function bracketEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      if (close !== -1) i = close + 1;
    } else if (c === ']') return i;
  }
  return -1;
}

function bracketSource(body: string): string {
  let negate = false;
  let i = 0;
  if (body[0] === '!' || body[0] === '^') {
    negate = true;
    i = 1;
  }
  let set = '';
  for (; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c === '[' && body[i + 1] === ':') {
      const close = body.indexOf(':]', i + 2);
      if (close !== -1) {
        set += CLASSES[body.slice(i + 2, close)] ?? '';
        i = close + 1;
        continue;
      }
    }
    if (c === '\\') {
      i++;
      set += escapeClass(body[i] ?? '\\');
      continue;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      set += `${escapeClass(c)}-${escapeClass(body[i + 2] ?? '')}`;
      i += 2;
      continue;
    }
    set += escapeClass(c);
  }
  return `[${negate ? '^' : ''}${set}]`;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function escapeClass(c: string): string {
  return c.replace(/[\\\]^-]/g, '\\$&');
}
