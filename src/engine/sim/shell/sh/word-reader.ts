// Reading one shell word from source text, as ash's readtoken1 does: quotes, backslashes, `$name`, `${…}`
// with its operators, `$((…))`, `$'…'`, backquotes, here-document bodies; each part keeps its quoting.
// Command substitutions are handed back to the parser (the grammar lives in parser.ts).

import { readAnsiC } from './ansi-c.js';
import type { Command, Word, WordPart } from './ast.js';
import { ShellSyntaxError } from './syntax-error.js';

const META = ' \t\n;&|<>()';
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * How a run of word text is read: one loop reads them all (a plain word, "…", the argument of a `${…}`
 * operator, a here-document body, an arithmetic expression), each told apart by these.
 */
interface Run {
  /** the literal parts are quoted; `'` and `$'` are literal characters here */
  q: boolean;
  /** characters that end the run, left unread */
  stops: string;
  /** the syntax error for the end of input before the run ends, or null when the end ends it */
  endError: string | null;
  /** the characters a backslash escapes (null: every one); before another the backslash stays */
  escapes: string | null;
  /** an escaped character joins the (quoted) literal text instead of standing as a quoted part of its own */
  escapeJoins: boolean;
  /** what `"` does: opens a quoted run, closes this one, is dropped (arithmetic) or is literal text */
  dquote: 'open' | 'close' | 'drop' | 'lit';
  /** newlines count as lines (not in text read before, as here-document bodies and arithmetic are) */
  countLines: boolean;
}

const WORD: Run = { q: false, stops: META, endError: null, escapes: null, escapeJoins: false, dquote: 'open', countLines: true };
const DOUBLE_QUOTED: Run = { q: true, stops: '', endError: 'unterminated quoted string', escapes: '$`"\\', escapeJoins: true, dquote: 'close', countLines: true };
const HEREDOC: Run = { q: true, stops: '', endError: null, escapes: '$`\\', escapeJoins: true, dquote: 'lit', countLines: false };
const ARITH: Run = { ...HEREDOC, dquote: 'drop' };

/** The argument of a `${name OP…}` up to one of `terms`; inside "…" (`q`) a backslash escapes only what it does there and `}`. */
function paramArg(q: boolean, terms: string): Run {
  return { q, stops: terms, endError: "missing '}'", escapes: q ? '$`"\\}' : null, escapeJoins: false, dquote: 'open', countLines: true };
}

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
    parts.push(...this.readRun(WORD));
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
    const parts = this.readRun(DOUBLE_QUOTED);
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
      const { text, end, lines, closed } = readAnsiC(this.src, this.pos + 2);
      this.pos = end;
      this.line += lines;
      if (!closed) throw new ShellSyntaxError('unterminated quoted string');
      return [{ t: 'lit', v: text, q: true }];
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
      const [offset, length] = this.readArgPair(q, ':');
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
      const [pattern, repl] = this.readArgPair(q, '/');
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

  /** `A` or `A<sep>B` through the closing `}`: `${name:offset:length}`, `${name/pattern/replacement}`. */
  private readArgPair(q: boolean, sep: string): [Word, Word | undefined] {
    const first = this.readParamArg(q, `${sep}}`);
    let second: Word | undefined;
    if (this.src[this.pos] === sep) {
      this.pos++;
      second = this.readParamArg(q, '}');
    }
    this.expectBrace();
    return [first, second];
  }

  /** The word after a `${name OP`, up to one of `terms` outside quotes. */
  private readParamArg(q: boolean, terms: string): Word {
    return { parts: this.readRun(paramArg(q, terms)) };
  }

  /** The parts of a run of text, read as `run` says (see `Run`), up to its end. */
  private readRun(run: Run): WordPart[] {
    const parts: WordPart[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', v: lit, q: run.q });
      lit = '';
    };
    for (;;) {
      if (this.pos >= this.src.length) {
        if (run.endError !== null) throw new ShellSyntaxError(run.endError);
        break;
      }
      const c = this.src[this.pos] ?? '';
      if (run.stops.includes(c)) break;
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          if (run.countLines) this.line++;
        } else if (n === undefined) {
          lit += '\\';
          this.pos++;
        } else if (run.escapes === null || run.escapes.includes(n)) {
          this.pos += 2;
          if (run.escapeJoins) lit += n;
          else {
            flush();
            parts.push({ t: 'lit', v: n, q: true });
          }
        } else {
          // The backslash stays; the character after it is read as usual, except that it ends no run.
          lit += '\\';
          this.pos++;
          if (run.stops.includes(n)) {
            lit += n;
            this.pos++;
          }
        }
      } else if (c === "'" && !run.q) {
        flush();
        parts.push({ t: 'lit', v: this.readSingleQuoted(), q: true });
      } else if (c === '"' && run.dquote !== 'lit') {
        this.pos++;
        if (run.dquote === 'close') break;
        if (run.dquote === 'open') {
          flush();
          parts.push(...this.readDoubleQuoted());
        }
      } else if (c === '$') {
        flush();
        parts.push(...this.readDollar(run.q));
      } else if (c === '`') {
        flush();
        parts.push(this.readBackquote(run.q));
      } else {
        if (c === '\n' && run.countLines) this.line++;
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

  /**
   * Parses expansions in text that is already delimited (a here-document body, an arithmetic expression):
   * everything counts as quoted; `\` only escapes `$`, backquote, `\` and newline.
   */
  protected partsOf(text: string, mode: 'heredoc' | 'arith'): Word {
    const saved = { src: this.src, pos: this.pos, line: this.line };
    this.src = text;
    this.pos = 0;
    try {
      return { parts: this.readRun(mode === 'heredoc' ? HEREDOC : ARITH) };
    } finally {
      this.src = saved.src;
      this.pos = saved.pos;
      this.line = saved.line;
    }
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

