// text/template's lexer (Go 1.19, as in docker 20.10's client): turns a `--format` string into tokens with
// byte-compatible positions and line numbers, so parse errors read exactly like docker's
// (`bad character U+007D '}'`, `unclosed action`, trim markers `{{-` / `-}}`, comments).

import { lexInsideAction } from './template-lex-action.js';
import { countNewlines, hasLeftTrimMarker, hasRightTrimMarker, isSpace, type Item, type ItemType, LEFT, RIGHT, type StateFn, trimLeftLength, trimRightLength } from './template-token.js';

/** The scanner; the parser pulls one token at a time with nextItem(). */
export class Lexer {
  pos = 0;
  start = 0;
  line = 1;
  startLine = 1;
  private atEOF = false;
  private parenDepth = 0;
  private insideAction = false;
  private item: Item = { typ: 'EOF', pos: 0, val: 'EOF', line: 1 };

  constructor(
    public input: string,
    readonly options: { breakOK: boolean; continueOK: boolean },
  ) {}

  next(): string {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return '';
    }
    const cp = this.input.codePointAt(this.pos) ?? 0;
    const ch = String.fromCodePoint(cp);
    this.pos += ch.length;
    if (ch === '\n') this.line++;
    return ch;
  }

  peek(): string {
    const ch = this.next();
    this.backup();
    return ch;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const lo = this.input.charCodeAt(this.pos - 1);
      const width = lo >= 0xdc00 && lo <= 0xdfff && this.pos >= 2 ? 2 : 1;
      this.pos -= width;
      if (this.input[this.pos] === '\n') this.line--;
    }
  }

  private thisItem(typ: ItemType): Item {
    const i = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }

  emit(typ: ItemType): StateFn {
    return this.emitItem(this.thisItem(typ));
  }

  emitItem(i: Item): StateFn {
    this.item = i;
    return null;
  }

  ignore(): void {
    this.line += countNewlines(this.input.slice(this.start, this.pos));
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const ch = this.next();
    if (ch !== '' && valid.includes(ch)) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (let ch = this.next(); ch !== '' && valid.includes(ch); ch = this.next());
    this.backup();
  }

  errorf(message: string): StateFn {
    this.item = { typ: 'error', pos: this.start, val: message, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  /** The next token (EOF forever once the input is used up, or after an error). */
  nextItem(): Item {
    this.item = { typ: 'EOF', pos: this.pos, val: 'EOF', line: this.startLine };
    let state: StateFn = this.insideAction ? lexInsideAction : lexText;
    while (state) state = state(this);
    return this.item;
  }

  atRightDelim(): { delim: boolean; trim: boolean } {
    const rest = this.input.slice(this.pos);
    if (hasRightTrimMarker(rest) && rest.startsWith(RIGHT, 2)) return { delim: true, trim: true };
    return { delim: rest.startsWith(RIGHT), trim: false };
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    if (r === '' || '.,|:)('.includes(r)) return true;
    return this.input.startsWith(RIGHT, this.pos);
  }

  setInsideAction(v: boolean): void {
    this.insideAction = v;
    if (v) this.parenDepth = 0;
  }

  get depth(): number {
    return this.parenDepth;
  }

  set depth(n: number) {
    this.parenDepth = n;
  }
}

function lexText(l: Lexer): StateFn {
  const x = l.input.indexOf(LEFT, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      let trim = 0;
      if (hasLeftTrimMarker(l.input.slice(l.pos + LEFT.length))) trim = trimRightLength(l.input.slice(l.start, l.pos));
      l.pos -= trim;
      l.line += countNewlines(l.input.slice(l.start, l.pos));
      const text = { typ: 'text' as const, pos: l.start, val: l.input.slice(l.start, l.pos), line: l.startLine };
      l.start = l.pos;
      l.startLine = l.line;
      l.pos += trim;
      l.ignore();
      if (text.val.length > 0) return l.emitItem(text);
    }
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) {
    l.line += countNewlines(l.input.slice(l.start, l.pos));
    return l.emit('text');
  }
  return l.emit('EOF');
}

function lexLeftDelim(l: Lexer): StateFn {
  l.pos += LEFT.length;
  const trim = hasLeftTrimMarker(l.input.slice(l.pos));
  const after = trim ? 2 : 0;
  if (l.input.startsWith('/*', l.pos + after)) {
    l.pos += after;
    l.ignore();
    return lexComment;
  }
  const i: Item = { typ: 'leftDelim', pos: l.start, val: l.input.slice(l.start, l.pos), line: l.startLine };
  l.start = l.pos;
  l.startLine = l.line;
  l.setInsideAction(true);
  l.pos += after;
  l.ignore();
  return l.emitItem(i);
}

function lexComment(l: Lexer): StateFn {
  l.pos += 2;
  const x = l.input.indexOf('*/', l.pos);
  if (x < 0) return l.errorf('unclosed comment');
  l.pos = x + 2;
  const { delim, trim } = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  l.line += countNewlines(l.input.slice(l.start, l.pos));
  l.start = l.pos;
  l.startLine = l.line;
  if (trim) l.pos += 2;
  l.pos += RIGHT.length;
  if (trim) l.pos += trimLeftLength(l.input.slice(l.pos));
  l.ignore();
  return lexText;
}

