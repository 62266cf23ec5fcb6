// The shell grammar (ash's parser.c in recursive descent): lists, and-or chains, pipelines, compound commands,
// functions and redirections. `parseNext` returns one top-level line at a time, because ash runs each line
// before it parses the next (a syntax error on line 3 does not stop lines 1 and 2).

import type { Assign, Command, Redir, Word } from './ast.js';
import { Lexer } from './lexer.js';
import type { Token } from './lexer.js';
import { ShellSyntaxError } from './syntax-error.js';
import { asAssignment, isKw, isOp, plainText, unexpected } from './parse-words.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LIST_END_KW = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

/** Parses shell source; `startLine` is 0 for `sh -c` strings and 1 for script files, as in ash. */
export class Parser extends Lexer {
  constructor(src: string, startLine = 1) {
    super(src, startLine);
  }

  /**
   * True when the line parseNext returned last ended at the end of the input, not at a newline (ash's
   * parser_eof: only then is it the last command of `sh -c`).
   */
  endedAtEof = false;

  // A newline (read here) or the end of the input ends a top-level line; anything else does not.
  private endsLine(tok: Token): boolean {
    if (tok.t === 'newline') this.next();
    else if (tok.t === 'eof') this.endedAtEof = true;
    else return false;
    return true;
  }

  /** The next top-level command line, or null at the end of the input. */
  parseNext(): Command | null {
    this.endedAtEof = false;
    while (this.peek().t === 'newline') this.next();
    if (this.peek().t === 'eof') return null;
    const items: { cmd: Command; async: boolean }[] = [];
    for (;;) {
      const cmd = this.parseAndOr();
      const tok = this.peek();
      if (tok.t === 'op' && (tok.v === ';' || tok.v === '&')) {
        this.next();
        items.push({ cmd, async: tok.v === '&' });
        if (this.endsLine(this.peek())) break;
        continue;
      }
      items.push({ cmd, async: false });
      if (this.endsLine(tok)) break;
      throw unexpected(tok);
    }
    return items.length === 1 && !items[0]?.async ? (items[0]?.cmd ?? { t: 'empty' }) : { t: 'list', items };
  }

  /** Parses the whole input (command substitutions, eval, `.`). */
  parseAll(): Command | null {
    const items: { cmd: Command; async: boolean }[] = [];
    for (let cmd = this.parseNext(); cmd; cmd = this.parseNext()) items.push({ cmd, async: false });
    if (items.length === 0) return null;
    return items.length === 1 ? (items[0]?.cmd ?? null) : { t: 'list', items };
  }

  /** The line the next token starts on (for error messages). */
  currentLine(): number {
    return this.peek().line;
  }

  protected parseCommandSubstitution(): Command | null {
    const saved = this.peeked;
    this.peeked = null;
    this.skipNewlines();
    if (isOp(this.peek(), ')')) {
      this.next();
      this.peeked = saved;
      return null;
    }
    const body = this.parseCompoundList(false);
    const close = this.next();
    if (!isOp(close, ')')) throw unexpected(close, '")"');
    this.peeked = saved;
    return body;
  }

  protected parseBackquoted(text: string, line: number): Command | null {
    return new Parser(text, line).parseAll();
  }

  private skipNewlines(): void {
    while (this.peek().t === 'newline') this.next();
  }

  /** A list inside a compound command: ends before a closing keyword, `)`, `;;` or end of input. */
  private parseCompoundList(allowEmpty: boolean): Command {
    const items: { cmd: Command; async: boolean }[] = [];
    this.skipNewlines();
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'eof' || (tok.t === 'op' && (tok.v === ')' || tok.v === ';;'))) break;
      if (tok.t === 'word' && tok.kw && LIST_END_KW.has(tok.kw)) break;
      const cmd = this.parseAndOr();
      const sep = this.peek();
      if (sep.t === 'op' && (sep.v === ';' || sep.v === '&')) {
        this.next();
        items.push({ cmd, async: sep.v === '&' });
        this.skipNewlines();
        continue;
      }
      items.push({ cmd, async: false });
      if (sep.t === 'newline') {
        this.skipNewlines();
        continue;
      }
      break;
    }
    if (items.length === 0) {
      // At the end of the input the caller reports what it expected ("expecting \"fi\"").
      if (allowEmpty || this.peek().t === 'eof') return { t: 'empty' };
      throw unexpected(this.peek());
    }
    return items.length === 1 && !items[0]?.async ? (items[0]?.cmd ?? { t: 'empty' }) : { t: 'list', items };
  }

  private parseAndOr(): Command {
    let left = this.parsePipeline();
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || (tok.v !== '&&' && tok.v !== '||')) return left;
      this.next();
      this.skipNewlines();
      left = { t: 'andor', op: tok.v, left, right: this.parsePipeline() };
    }
  }

  private parsePipeline(): Command {
    let bang = false;
    while (isKw(this.peek(), '!')) {
      this.next();
      bang = !bang;
    }
    const cmds = [this.parseCommand()];
    while (isOp(this.peek(), '|')) {
      this.next();
      this.skipNewlines();
      cmds.push(this.parseCommand());
    }
    if (cmds.length === 1 && !bang) return cmds[0] ?? { t: 'empty' };
    return { t: 'pipeline', cmds, bang };
  }

  private parseCommand(): Command {
    const tok = this.peek();
    if (tok.t === 'op' && tok.v === '(') {
      this.next();
      const body = this.parseCompoundList(false);
      this.expectOp(')');
      return { t: 'subshell', body, redirs: this.parseRedirs() };
    }
    if (tok.t === 'word' && tok.kw) {
      switch (tok.kw) {
        case 'if':
          return this.parseIf();
        case 'while':
        case 'until':
          return this.parseLoop(tok.kw === 'until');
        case 'for':
          return this.parseFor();
        case 'case':
          return this.parseCase();
        case '{': {
          this.next();
          const body = this.parseCompoundList(false);
          this.expectKw('}');
          return { t: 'group', body, redirs: this.parseRedirs() };
        }
        case 'function':
          return this.parseFunctionKeyword();
        case '!':
          break;
        default:
          throw unexpected(tok);
      }
    }
    return this.parseSimple();
  }

  private parseIf(): Command {
    this.next();
    const clauses: { cond: Command; body: Command }[] = [];
    let elseBody: Command | undefined;
    for (;;) {
      const cond = this.parseCompoundList(false);
      this.expectKw('then');
      const body = this.parseCompoundList(false);
      clauses.push({ cond, body });
      const tok = this.next();
      if (isKw(tok, 'elif')) continue;
      if (isKw(tok, 'else')) {
        elseBody = this.parseCompoundList(false);
        this.expectKw('fi');
        break;
      }
      if (isKw(tok, 'fi')) break;
      throw unexpected(tok, '"fi"');
    }
    const node: Command = { t: 'if', clauses, redirs: this.parseRedirs() };
    if (elseBody) node.elseBody = elseBody;
    return node;
  }

  private parseLoop(until: boolean): Command {
    this.next();
    const cond = this.parseCompoundList(false);
    this.expectKw('do');
    const body = this.parseCompoundList(false);
    this.expectKw('done');
    return { t: 'loop', until, cond, body, redirs: this.parseRedirs() };
  }

  private parseFor(): Command {
    const line = this.next().line;
    const nameTok = this.next();
    const name = nameTok.t === 'word' ? plainText(nameTok.word) : null;
    if (name === null || !NAME.test(name)) throw new ShellSyntaxError('bad for loop variable');
    let items: Word[] | null = null;
    this.skipNewlines();
    if (isKw(this.peek(), 'in')) {
      this.next();
      items = [];
      for (let tok = this.peek(); tok.t === 'word'; tok = this.peek()) {
        items.push(tok.word);
        this.next();
      }
      const sep = this.next();
      if (!(sep.t === 'newline' || isOp(sep, ';'))) throw unexpected(sep, '"do"');
      this.skipNewlines();
    } else if (isOp(this.peek(), ';')) {
      this.next();
      this.skipNewlines();
    }
    this.expectKw('do');
    const body = this.parseCompoundList(false);
    this.expectKw('done');
    return { t: 'for', name, items, body, redirs: this.parseRedirs(), line };
  }

  private parseCase(): Command {
    const line = this.next().line;
    const wordTok = this.next();
    if (wordTok.t !== 'word') throw unexpected(wordTok, 'word');
    this.skipNewlines();
    this.expectKw('in');
    const arms: { patterns: Word[]; body: Command | null; fallthrough: boolean }[] = [];
    for (;;) {
      this.skipNewlines();
      const tok = this.peek();
      if (isKw(tok, 'esac')) {
        this.next();
        break;
      }
      if (isOp(tok, '(')) this.next();
      const patterns: Word[] = [];
      for (;;) {
        const pat = this.next();
        if (pat.t !== 'word') throw unexpected(pat, 'word');
        patterns.push(pat.word);
        const sep = this.next();
        if (isOp(sep, '|')) continue;
        if (isOp(sep, ')')) break;
        throw unexpected(sep, '")"');
      }
      const body = this.parseCompoundList(true);
      const end = this.peek();
      arms.push({ patterns, body: body.t === 'empty' ? null : body, fallthrough: false });
      if (isOp(end, ';;')) {
        this.next();
        continue;
      }
      if (isKw(end, 'esac')) {
        this.next();
        break;
      }
      throw unexpected(end, '";;"');
    }
    return { t: 'case', word: wordTok.word, arms, redirs: this.parseRedirs(), line };
  }

  private parseFunctionKeyword(): Command {
    const line = this.next().line;
    const nameTok = this.next();
    const name = nameTok.t === 'word' ? plainText(nameTok.word) : null;
    if (name === null) throw unexpected(nameTok, 'word');
    if (isOp(this.peek(), '(')) {
      this.next();
      this.expectOp(')');
    }
    this.skipNewlines();
    return { t: 'func', name, body: this.parseCommand(), line };
  }

  private parseSimple(): Command {
    const line = this.peek().line;
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'redir') {
        redirs.push(this.parseRedir());
        continue;
      }
      if (tok.t !== 'word') break;
      if (words.length === 0) {
        const assign = asAssignment(tok.word);
        if (assign) {
          this.next();
          assigns.push(assign);
          continue;
        }
      }
      this.next();
      words.push(tok.word);
      if (words.length === 1 && assigns.length === 0 && redirs.length === 0 && isOp(this.peek(), '(')) {
        return this.parseFunctionDef(tok.word, line);
      }
    }
    if (assigns.length === 0 && words.length === 0 && redirs.length === 0) throw unexpected(this.peek());
    return { t: 'simple', assigns, words, redirs, line };
  }

  private parseFunctionDef(nameWord: Word, line: number): Command {
    this.next();
    this.expectOp(')');
    const name = plainText(nameWord);
    if (name === null || !/^[^\s$`'"\\]+$/.test(name)) throw new ShellSyntaxError('bad function name');
    this.skipNewlines();
    return { t: 'func', name, body: this.parseCommand(), line };
  }

  private parseRedirs(): Redir[] {
    const redirs: Redir[] = [];
    while (this.peek().t === 'redir') redirs.push(this.parseRedir());
    return redirs;
  }

  private parseRedir(): Redir {
    const tok = this.next();
    if (tok.t !== 'redir') throw unexpected(tok);
    const target = this.next();
    if (target.t !== 'word') throw unexpected(target);
    const defaultFd = tok.op.startsWith('<') ? 0 : 1;
    const redir: Redir = { fd: tok.fd ?? defaultFd, op: tok.op, target: target.word };
    if (tok.op === '<<' || tok.op === '<<-') this.addHeredoc(redir);
    return redir;
  }

  private expectKw(kw: string): void {
    const tok = this.next();
    if (!isKw(tok, kw)) throw unexpected(tok, `"${kw}"`);
  }

  private expectOp(op: string): void {
    const tok = this.next();
    if (!isOp(tok, op)) throw unexpected(tok, `"${op}"`);
  }
}
