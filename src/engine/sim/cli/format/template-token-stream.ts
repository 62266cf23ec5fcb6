// text/template's parser (Go 1.19), its token end: the three-token lookahead over the lexer and the errors that
// name a token as Go's parser names it (`unexpected "}" in operand`, ` in action started at :1`).

import { goQuoteShort } from '../../../../go/quote.js';
import type { Lexer } from './template-lexer.js';
import { isKeyword, type Item, type ItemType } from './template-token.js';
import { TemplateError } from './template-error.js';

function itemString(i: Item): string {
  if (i.typ === 'EOF') return 'EOF';
  if (i.typ === 'error') return i.val;
  if (isKeyword(i.typ)) return `<${i.val}>`;
  return goQuoteShort(i.val, 10);
}

/** The lexer's tokens with Go's lookahead (parse.Tree's next, backup, peek and its error helpers). */
export class TokenStream {
  private readonly token: Item[] = [];
  private peekCount = 0;
  /** the line of the action being parsed (0 outside one): an error on another line says where it started */
  protected actionLine = 0;

  constructor(
    protected readonly parseName: string,
    protected readonly lex: Lexer,
  ) {}

  protected next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount] as Item;
  }

  protected backup(): void {
    this.peekCount++;
  }

  protected backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  protected backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  protected peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] as Item;
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }

  protected nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === 'space');
    return token;
  }

  protected peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  errorf(message: string): never {
    throw new TemplateError(`template: ${this.parseName}:${this.token[0]?.line ?? 1}: ${message}`, 'parse');
  }

  protected expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  protected unexpected(token: Item, context: string): never {
    if (token.typ === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(itemString(token) + extra);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

}
