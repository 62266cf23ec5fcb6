// Reading one shell word from source text, as ash's readtoken1 does: quotes, backslashes, `$name`, `${…}`
// with its operators, `$((…))`, `$'…'`, backquotes, here-document bodies; each part keeps its quoting.
// Command substitutions are handed back to the parser (the grammar lives in parser.ts).

import type { Command, Word, WordPart } from './ast.js';

/** A syntax error; `detail` is ash's text after "syntax error: ". */
export class ShellSyntaxError extends Error {
  constructor(readonly detail: string) {
    super(`syntax error: ${detail}`);
    this.name = 'ShellSyntaxError';
  }
}

const META = ' \t\n;&|<>()';
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** The word-level half of the lexer; Lexer adds tokens and here-documents. */
export abstract class WordReader {
  protected pos = 0;
  protected line: number;

  constructor(
    protected src: string,
    startLine: number,
  ) {
    this.line = startLine;
  }

  /** Parses the commands of `$( … )`; called with pos just after "$(", must consume the ")". */
  protected abstract parseCommandSubstitution(): Command | null;
  /** Parses the (already unescaped) text of a backquote substitution. */
  protected abstract parseBackquoted(text: string, line: number): Command | null;

  /** Reads one word in normal (unquoted) context. */
  protected readWord(): Word {
    const parts: WordPart[] = [];
    const tilde = /^~([A-Za-z0-9._-]*)(?=$|[/\s;&|<>()])/.exec(this.src.slice(this.pos, this.pos + 64));
    if (tilde) {
      parts.push({ t: 'tilde', user: tilde[1] ?? '' });
      this.pos += tilde[0].length;
    }
    parts.push(...this.readParts(false, META, null));
    return { parts };
  }

  private readSingleQuoted(): string {
    const end = this.src.indexOf("'", this.pos + 1);
    if (end === -1) throw new ShellSyntaxError('unterminated quoted string');
    const v = this.src.slice(this.pos + 1, end);
    this.line += countNewlines(v);
    this.pos = end + 1;
    return v;
  }

  /** Reads after an opening `"` through the closing one. */
  private readDoubleQuoted(): WordPart[] {
    const parts: WordPart[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', v: lit, q: true });
      lit = '';
    };
    for (;;) {
      if (this.pos >= this.src.length) throw new ShellSyntaxError('unterminated quoted string');
      const c = this.src[this.pos] ?? '';
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          this.line++;
        } else if (n !== undefined && '$`"\\'.includes(n)) {
          lit += n;
          this.pos += 2;
        } else {
          lit += '\\';
          this.pos++;
        }
      } else if (c === '$') {
        flush();
        parts.push(...this.readDollar(true));
      } else if (c === '`') {
        flush();
        parts.push(this.readBackquote(true));
      } else {
        if (c === '\n') this.line++;
        lit += c;
        this.pos++;
      }
    }
    flush();
    if (parts.length === 0) parts.push({ t: 'lit', v: '', q: true });
    return parts;
  }

  /** Reads a `$…` expansion; a `$` that starts none stays a literal dollar. */
  private readDollar(q: boolean): WordPart[] {
    const n = this.src[this.pos + 1] ?? '';
    if (n === '(') {
      if (this.src[this.pos + 2] === '(') {
        this.pos += 3;
        const raw = this.readArithRaw();
        return [{ t: 'arith', expr: this.partsOf(raw, 'arith'), q }];
      }
      this.pos += 2;
      return [{ t: 'cmd', body: this.parseCommandSubstitution(), q }];
    }
    if (n === '{') {
      this.pos += 2;
      return [this.readBraceParam(q)];
    }
    if (n === "'" && !q) {
      this.pos += 2;
      return [{ t: 'lit', v: this.readAnsiC(), q: true }];
    }
    if (NAME_START.test(n)) {
      let end = this.pos + 1;
      while (end < this.src.length && NAME_CHAR.test(this.src[end] ?? '')) end++;
      const name = this.src.slice(this.pos + 1, end);
      this.pos = end;
      return [{ t: 'param', name, q }];
    }
    if (/[0-9@*#?\-$!]/.test(n) && n !== '') {
      this.pos += 2;
      return [{ t: 'param', name: n, q }];
    }
    this.pos++;
    return [{ t: 'lit', v: '$', q }];
  }

  // `$((` … `))` with balanced parentheses; the text is parsed again for expansions.
  private readArithRaw(): string {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0 && this.src[this.pos + 1] === ')') {
          const raw = this.src.slice(start, this.pos);
          this.pos += 2;
          return raw;
        }
        if (depth === 0) throw new ShellSyntaxError('unexpected ")" (expecting "))")');
        depth--;
      } else if (c === '\n') this.line++;
      this.pos++;
    }
    throw new ShellSyntaxError('unexpected end of file (expecting "))")');
  }

  private readName(): string {
    const c = this.src[this.pos] ?? '';
    if (NAME_START.test(c)) {
      let end = this.pos + 1;
      while (end < this.src.length && NAME_CHAR.test(this.src[end] ?? '')) end++;
      const name = this.src.slice(this.pos, end);
      this.pos = end;
      return name;
    }
    if (/[0-9]/.test(c)) {
      let end = this.pos + 1;
      while (end < this.src.length && /[0-9]/.test(this.src[end] ?? '')) end++;
      const name = this.src.slice(this.pos, end);
      this.pos = end;
      return name;
    }
    if (c !== '' && '@*#?-$!'.includes(c)) {
      this.pos++;
      return c;
    }
    return '';
  }

  /** Reads after `${` through the closing `}`. */
  private readBraceParam(q: boolean): WordPart {
    if (this.src[this.pos] === '#') {
      const save = this.pos;
      this.pos++;
      if (this.src[this.pos] === '}') {
        this.pos++;
        return { t: 'param', name: '#', q };
      }
      const name = this.readName();
      if (name && this.src[this.pos] === '}') {
        this.pos++;
        return { t: 'length', name, q };
      }
      this.pos = save;
    }
    const name = this.readName();
    if (!name) throw this.pos >= this.src.length ? new ShellSyntaxError("missing '}'") : this.badSubstitution();
    if (this.pos >= this.src.length) throw new ShellSyntaxError("missing '}'");
    const c = this.src[this.pos] ?? '';
    if (c === '}') {
      this.pos++;
      return { t: 'param', name, q };
    }
    let op: NonNullable<Extract<WordPart, { t: 'param' }>['op']>;
    const n = this.src[this.pos + 1] ?? '';
    if (c === ':' && '-=?+'.includes(n) && n !== '') {
      op = `:${n}` as typeof op;
      this.pos += 2;
    } else if (c === ':') {
      this.pos++;
      const offset = this.readParamArg(q, ':}');
      let length: Word | undefined;
      if (this.src[this.pos] === ':') {
        this.pos++;
        length = this.readParamArg(q, '}');
      }
      this.expectBrace();
      return length ? { t: 'substr', name, offset, length, q } : { t: 'substr', name, offset, q };
    } else if ('-=?+'.includes(c) && c !== '') {
      op = c as typeof op;
      this.pos++;
    } else if (c === '#' || c === '%') {
      op = (n === c ? c + c : c) as typeof op;
      this.pos += op.length;
    } else if (c === '/') {
      op = n === '/' || n === '#' || n === '%' ? (`/${n}` as typeof op) : '/';
      this.pos += op.length;
      const pattern = this.readParamArg(q, '/}');
      let repl: Word | undefined;
      if (this.src[this.pos] === '/') {
        this.pos++;
        repl = this.readParamArg(q, '}');
      }
      this.expectBrace();
      return repl ? { t: 'param', name, op, arg: pattern, repl, q } : { t: 'param', name, op, arg: pattern, q };
    } else {
      throw this.badSubstitution();
    }
    const arg = this.readParamArg(q, '}');
    this.expectBrace();
    return { t: 'param', name, op, arg, q };
  }

  private badSubstitution(): ShellSyntaxError {
    return new ShellSyntaxError('bad substitution');
  }

  private expectBrace(): void {
    if (this.src[this.pos] !== '}') throw new ShellSyntaxError("missing '}'");
    this.pos++;
  }

  /** The word after a `${name OP`, up to one of `terms` outside quotes. */
  private readParamArg(q: boolean, terms: string): Word {
    return { parts: this.readParts(q, terms, "missing '}'") };
  }

  /**
   * The parts of a word up to one of `stops` outside quotes: a plain word (stops at a metacharacter or the end)
   * or the argument of a `${…}` operator (`endError`: the end of input before a stop is that syntax error).
   * `q`: inside double quotes, where a backslash keeps itself before most characters and `'` is literal.
   */
  private readParts(q: boolean, stops: string, endError: string | null): WordPart[] {
    const parts: WordPart[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', v: lit, q });
      lit = '';
    };
    for (;;) {
      if (this.pos >= this.src.length) {
        if (endError !== null) throw new ShellSyntaxError(endError);
        break;
      }
      const c = this.src[this.pos] ?? '';
      if (stops.includes(c)) break;
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          this.line++;
        } else if (n === undefined) {
          lit += '\\';
          this.pos++;
        } else if (q && !'$`"\\}'.includes(n)) {
          lit += `\\${n}`;
          this.pos += 2;
        } else {
          flush();
          parts.push({ t: 'lit', v: n, q: true });
          this.pos += 2;
        }
      } else if (c === "'" && !q) {
        flush();
        parts.push({ t: 'lit', v: this.readSingleQuoted(), q: true });
      } else if (c === '"') {
        flush();
        this.pos++;
        parts.push(...this.readDoubleQuoted());
      } else if (c === '$') {
        flush();
        parts.push(...this.readDollar(q));
      } else if (c === '`') {
        flush();
        parts.push(this.readBackquote(q));
      } else {
        if (c === '\n') this.line++;
        lit += c;
        this.pos++;
      }
    }
    flush();
    return parts;
  }

  private readBackquote(q: boolean): WordPart {
    const line = this.line;
    this.pos++;
    let raw = '';
    for (;;) {
      if (this.pos >= this.src.length) throw new ShellSyntaxError('EOF in backquote substitution');
      const c = this.src[this.pos] ?? '';
      if (c === '`') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        if (n !== undefined && ('$`\\'.includes(n) || (q && n === '"'))) {
          raw += n;
          this.pos += 2;
          continue;
        }
      }
      if (c === '\n') this.line++;
      raw += c;
      this.pos++;
    }
    return { t: 'cmd', body: this.parseBackquoted(raw, line), q };
  }

  private readAnsiC(): string {
    let out = '';
    for (;;) {
      if (this.pos >= this.src.length) throw new ShellSyntaxError('unterminated quoted string');
      const c = this.src[this.pos] ?? '';
      this.pos++;
      if (c === "'") return out;
      if (c !== '\\') {
        if (c === '\n') this.line++;
        out += c;
        continue;
      }
      const n = this.src[this.pos] ?? '';
      this.pos++;
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
      if (n in simple) out += simple[n];
      else if (n === 'x') {
        const m = /^[0-9a-fA-F]{1,2}/.exec(this.src.slice(this.pos));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          this.pos += m[0].length;
        } else out += '\\x';
      } else if (/[0-7]/.test(n)) {
        const m = /^[0-7]{0,2}/.exec(this.src.slice(this.pos));
        out += String.fromCharCode(parseInt(n + (m?.[0] ?? ''), 8) & 0xff);
        this.pos += m?.[0].length ?? 0;
      } else out += `\\${n}`;
    }
  }

  /**
   * Parses expansions in text that is already delimited (a here-document body, an arithmetic expression):
   * everything counts as quoted; `\` only escapes `$`, backquote, `\` and newline.
   */
  protected partsOf(text: string, mode: 'heredoc' | 'arith'): Word {
    const saved = { src: this.src, pos: this.pos, line: this.line };
    this.src = text;
    this.pos = 0;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', v: lit, q: true });
      lit = '';
    };
    try {
      while (this.pos < this.src.length) {
        const c = this.src[this.pos] ?? '';
        if (c === '\\') {
          const n = this.src[this.pos + 1];
          if (n === '\n') {
            this.pos += 2;
            continue;
          }
          if (n !== undefined && '$`\\'.includes(n)) {
            lit += n;
            this.pos += 2;
            continue;
          }
          lit += c;
          this.pos++;
        } else if (c === '$') {
          flush();
          parts.push(...this.readDollar(true));
        } else if (c === '`') {
          flush();
          parts.push(this.readBackquote(true));
        } else if (c === '"' && mode === 'arith') {
          this.pos++;
        } else {
          lit += c;
          this.pos++;
        }
      }
      flush();
    } finally {
      this.src = saved.src;
      this.pos = saved.pos;
      this.line = saved.line;
    }
    return { parts };
  }
}

/** The text of a word with quotes removed and expansions left as written (here-document delimiters). */
export function literalText(word: Word): string {
  return word.parts
    .map((p) => {
      if (p.t === 'lit') return p.v;
      if (p.t === 'tilde') return `~${p.user}`;
      if (p.t === 'param') return `$${p.name}`;
      return '';
    })
    .join('');
}

function countNewlines(s: string): number {
  let n = 0;
  for (const c of s) if (c === '\n') n++;
  return n;
}

