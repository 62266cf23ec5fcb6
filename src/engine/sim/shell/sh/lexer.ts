// The tokenizer of the shell: splits source text into words, operators and redirections the way ash's
// readtoken does, and reads here-document bodies after the line that named them (words themselves are read
// by WordReader in word-reader.ts).

import type { Redir, RedirOp, Word } from './ast.js';
import { ShellSyntaxError } from './syntax-error.js';
import { WordReader, literalText } from './word-reader.js';

/** Control operators. */
export type Op = ';' | '&' | '|' | '&&' | '||' | ';;' | '(' | ')';

/** One token; `kw` is the reserved word a plain unquoted word spells, if any. */
export type Token =
  | { t: 'word'; word: Word; kw: string | null; line: number }
  | { t: 'op'; v: Op; line: number }
  | { t: 'redir'; op: RedirOp; fd: number | null; line: number }
  | { t: 'newline'; line: number }
  | { t: 'eof'; line: number };

const RESERVED = new Set(['!', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'then', 'until', 'while', '{', '}']);

/** ash's name for a token in "unexpected …" messages. */
export function describeToken(tok: Token): string {
  switch (tok.t) {
    case 'eof':
      return 'end of file';
    case 'newline':
      return 'newline';
    case 'redir':
      return 'redirection';
    case 'op':
      return `"${tok.v}"`;
    case 'word':
      return tok.kw ? `"${tok.kw}"` : 'word';
  }
}

/** Tokens on top of words; the parser subclass supplies the grammar for command substitutions. */
export abstract class Lexer extends WordReader {
  protected peeked: Token | null = null;
  private pendingHeredocs: Redir[] = [];

  /** The line the lexer is on (for syntax error messages). */
  lineNow(): number {
    return this.line;
  }

  peek(): Token {
    if (!this.peeked) this.peeked = this.readToken();
    return this.peeked;
  }

  next(): Token {
    const tok = this.peek();
    this.peeked = null;
    return tok;
  }

  /** Registers a here-document whose body starts after the next newline. */
  protected addHeredoc(redir: Redir): void {
    this.pendingHeredocs.push(redir);
  }

  /** True when here-documents are still waiting for their bodies (an unfinished line). */
  protected hasPendingHeredocs(): boolean {
    return this.pendingHeredocs.length > 0;
  }

  private readToken(): Token {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else break;
    }
    const line = this.line;
    if (this.pos >= this.src.length) {
      if (this.pendingHeredocs.length > 0) this.readHeredocBodies();
      return { t: 'eof', line };
    }
    const c = this.src[this.pos] ?? '';
    const two = this.src.slice(this.pos, this.pos + 2);
    if (c === '\n') {
      this.pos++;
      this.line++;
      if (this.pendingHeredocs.length > 0) this.readHeredocBodies();
      return { t: 'newline', line };
    }
    if (two === '&&' || two === '||' || two === ';;') {
      this.pos += 2;
      return { t: 'op', v: two, line };
    }
    if (two === '&>') {
      this.pos += 2;
      return { t: 'redir', op: '&>', fd: null, line };
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      this.pos++;
      return { t: 'op', v: c, line };
    }
    if (c === '<' || c === '>') return { t: 'redir', op: this.readRedirOp(), fd: null, line };
    const digits = /^[0-9]+(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12));
    if (digits) {
      this.pos += digits[0].length;
      return { t: 'redir', op: this.readRedirOp(), fd: Number(digits[0]), line };
    }
    const word = this.readWord();
    const only = word.parts.length === 1 ? word.parts[0] : undefined;
    const kw = only?.t === 'lit' && !only.q && RESERVED.has(only.v) ? only.v : null;
    return { t: 'word', word, kw, line };
  }

  private readRedirOp(): RedirOp {
    const s = this.src.slice(this.pos, this.pos + 3);
    for (const op of ['<<-', '<<', '<&', '<>', '>>', '>&', '>|', '<', '>'] as const) {
      if (s.startsWith(op)) {
        this.pos += op.length;
        return op;
      }
    }
    throw new ShellSyntaxError('bad redirection');
  }

  private readHeredocBodies(): void {
    const pending = this.pendingHeredocs;
    this.pendingHeredocs = [];
    for (const redir of pending) {
      const strip = redir.op === '<<-';
      const delim = literalText(redir.target);
      let body = '';
      for (;;) {
        if (this.pos >= this.src.length) break;
        let end = this.src.indexOf('\n', this.pos);
        const atEof = end === -1;
        if (atEof) end = this.src.length;
        let text = this.src.slice(this.pos, end);
        this.pos = atEof ? end : end + 1;
        if (!atEof) this.line++;
        if (strip) text = text.replace(/^\t+/, '');
        if (text === delim) break;
        body += atEof ? text : `${text}\n`;
      }
      const quoted = redir.target.parts.some((p) => p.t === 'lit' && p.q);
      const word: Word = quoted ? { parts: [{ t: 'lit', v: body, q: true }] } : this.partsOf(body, 'heredoc');
      redir.heredoc = { body: word, quoted };
    }
  }
}
