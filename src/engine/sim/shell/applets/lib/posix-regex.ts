// POSIX basic and extended regular expressions (with the GNU extensions glibc accepts: \+ \? \| \< \> \w \s
// in BREs) translated to JavaScript RegExp source, for grep, sed and expr. Alternation is leftmost-first in
// JavaScript rather than POSIX leftmost-longest; plain patterns match the same.

import { makePosixRegex, type RegexLike } from '../../../../../regex/make-regex.js';

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

/** A pattern that does not compile (grep prints its own message); `reason` is glibc's text, when known. */
export class RegexError extends Error {
  constructor(
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** glibc's text for REG_EPAREN. */
const UNMATCHED_PAREN = 'Unmatched ( or \\(';

/**
 * glibc's rule for back-references (regcomp's completed_bkref_map): `\n` is valid only after group n closed, and
 * not when it closed in an earlier alternative of the same alternation (`(a)|\1`); else REG_ESUBREG.
 */
class CompletedGroups {
  private completed = 0;
  private readonly frames: { n: number; initial: number; accumulated: number }[] = [];
  private root = { initial: 0, accumulated: 0 };

  push(n: number): void {
    this.frames.push({ n, initial: this.completed, accumulated: 0 });
  }

  alternative(): void {
    const frame = this.frames[this.frames.length - 1] ?? this.root;
    frame.accumulated |= this.completed;
    this.completed = frame.initial;
  }

  /** Closes the innermost group; false when none is open. */
  close(): boolean {
    const frame = this.frames.pop();
    if (!frame) return false;
    this.completed |= frame.accumulated;
    if (frame.n <= 9) this.completed |= 1 << frame.n;
    return true;
  }

  get open(): number {
    return this.frames.length;
  }

  check(n: number): void {
    if (!(this.completed & (1 << n))) throw new RegexError('invalid back reference', 'Invalid back reference');
  }
}

/** Translates a BRE (`extended` false) or ERE to RegExp source. */
function posixToJs(re: string, extended: boolean): string {
  let out = '';
  let i = 0;
  let groups = 0;
  const completed = new CompletedGroups();
  // Where an anchor or a leading '*' is still "at the start" (after ^, \( or \|).
  let atStart = true;
  while (i < re.length) {
    const c = re[i] ?? '';
    const start = atStart;
    atStart = false;
    if (c === '[') {
      const { src, end } = bracket(re, i);
      out += src;
      i = end;
      continue;
    }
    if (c === '\\') {
      const n = re[i + 1];
      i += 2;
      if (n === undefined) throw new RegexError('trailing backslash');
      if (!extended && (n === '(' || n === ')' || n === '{' || n === '}' || n === '|' || n === '+' || n === '?')) {
        if (n === '(') {
          groups++;
          completed.push(groups);
          out += '(';
          atStart = true;
        } else if (n === ')') {
          if (!completed.close()) throw new RegexError('unmatched \\)', UNMATCHED_PAREN);
          out += ')';
        } else if (n === '|') {
          completed.alternative();
          out += '|';
          atStart = true;
        } else if (n === '{') {
          const close = re.indexOf('\\}', i);
          if (close === -1) throw new RegexError('unmatched \\{');
          out += `{${re.slice(i, close)}}`;
          i = close + 2;
        } else out += n;
        continue;
      }
      if (/[1-9]/.test(n)) {
        completed.check(Number(n));
        out += `\\${n}`;
      }
      else if (n === '<') out += '\\b(?=\\w)';
      else if (n === '>') out += '\\b(?<=\\w)';
      else if ('bBwWsS'.includes(n)) out += `\\${n}`;
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else out += escape(n);
      continue;
    }
    i++;
    if (c === '^') {
      if (extended || start) {
        out += '^';
        atStart = true;
      } else out += '\\^';
      continue;
    }
    if (c === '$') {
      const rest = re.slice(i);
      if (extended || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|')) out += '$';
      else out += '\\$';
      continue;
    }
    if (c === '*') {
      out += start ? '\\*' : '*';
      continue;
    }
    if (c === '.') {
      out += '.';
      continue;
    }
    if (extended) {
      if (c === '(') {
        groups++;
        completed.push(groups);
        atStart = true;
        out += '(';
        continue;
      }
      if (c === '|') {
        completed.alternative();
        atStart = true;
        out += '|';
        continue;
      }
      if (c === '{') {
        const m = /^(\d*)(,?)(\d*)\}/.exec(re.slice(i));
        if (m && (m[1] || m[3])) {
          out += `{${m[1] || '0'}${m[2]}${m[3]}}`;
          i += m[0].length;
        } else out += '\\{';
        continue;
      }
      if (c === ')' && !completed.close()) {
        out += '\\)'; // glibc's EREs read an unmatched ) as itself
        continue;
      }
      if (c === '+' || c === '?' || c === ')') {
        out += start && c !== ')' ? `\\${c}` : c;
        continue;
      }
      if (c === '}') {
        out += '\\}';
        continue;
      }
    }
    out += escape(c);
  }
  void groups;
  if (completed.open > 0) throw new RegexError('unmatched (', UNMATCHED_PAREN);
  return out;
}

function bracket(re: string, start: number): { src: string; end: number } {
  let i = start + 1;
  let negate = false;
  if (re[i] === '^') {
    negate = true;
    i++;
  }
  let set = '';
  let first = true;
  for (;;) {
    if (i >= re.length) throw new RegexError('unmatched [');
    const c = re[i] ?? '';
    if (c === ']' && !first) {
      i++;
      break;
    }
    first = false;
    if (c === '[' && (re[i + 1] === ':' || re[i + 1] === '=' || re[i + 1] === '.')) {
      const kind = re[i + 1] ?? ':';
      const close = re.indexOf(`${kind}]`, i + 2);
      if (close !== -1) {
        const name = re.slice(i + 2, close);
        set += kind === ':' ? (CLASSES[name] ?? '') : escapeClass(name);
        i = close + 2;
        continue;
      }
    }
    if (re[i + 1] === '-' && re[i + 2] !== undefined && re[i + 2] !== ']') {
      set += `${escapeClass(c)}-${escapeClass(re[i + 2] ?? '')}`;
      i += 3;
      continue;
    }
    set += escapeClass(c);
    i++;
  }
  return { src: `[${negate ? '^' : ''}${set}]`, end: i };
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function escapeClass(c: string): string {
  return c.replace(/[\\\]^-]/g, '\\$&');
}

/** Compiles a POSIX regex, to run without backtracking; throws RegexError when JavaScript rejects the translation. */
export function compilePosix(re: string, extended: boolean, flags = ''): RegexLike {
  try {
    return makePosixRegex(posixToJs(re, extended), flags);
  } catch (e) {
    if (e instanceof RegexError) throw e;
    throw new RegexError(String(e));
  }
}
