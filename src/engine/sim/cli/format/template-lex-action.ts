// text/template's lexer inside an action (`{{ … }}`), Go 1.19 as in docker 20.10's client: identifiers, fields,
// variables, numbers, quoted strings, characters and the closing delimiter, each byte-compatible in position
// and error text (`bad character U+007D '}'`, `unclosed action`).

import { goQuote, goRuneName } from '../../../../go/quote.js';
import type { Lexer } from './template-lexer.js';
import { hasRightTrimMarker, isAlphaNumeric, isSpace, type Item, type ItemType, KEYWORDS, RIGHT, type StateFn, trimLeftLength } from './template-token.js';

function lexRightDelim(l: Lexer): StateFn {
  const { trim } = l.atRightDelim();
  if (trim) {
    l.pos += 2;
    l.ignore();
  }
  l.pos += RIGHT.length;
  const i: Item = { typ: 'rightDelim', pos: l.start, val: l.input.slice(l.start, l.pos), line: l.startLine };
  l.start = l.pos;
  l.startLine = l.line;
  if (trim) {
    l.pos += trimLeftLength(l.input.slice(l.pos));
    l.ignore();
  }
  l.setInsideAction(false);
  return l.emitItem(i);
}

/** A state of the lexer inside an action. */
export function lexInsideAction(l: Lexer): StateFn {
  if (l.atRightDelim().delim) {
    if (l.depth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === '') return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup();
    return lexSpace;
  }
  switch (r) {
    case '=':
      return l.emit('assign');
    case ':':
      if (l.next() !== '=') return l.errorf('expected :=');
      return l.emit('declare');
    case '|':
      return l.emit('pipe');
    case '"':
      return lexQuote;
    case '`':
      return lexRawQuote;
    case '$':
      return lexVariable;
    case "'":
      return lexChar;
    case '(':
      l.depth++;
      return l.emit('leftParen');
    case ')':
      // Go 1.19 emits the paren before checking the depth, so the parser reports the stray ')'.
      l.depth--;
      return l.emit('rightParen');
  }
  if (r === '.') {
    const c = l.input[l.pos] ?? '';
    if (l.pos < l.input.length && (c < '0' || c > '9')) return lexField;
  }
  if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  const cp = r.codePointAt(0) ?? 0;
  if (cp <= 0x7f && cp >= 0x20 && cp !== 0x7f) return l.emit('char');
  return l.errorf(`unrecognized character in action: ${goRuneName(cp)}`);
}

function lexSpace(l: Lexer): StateFn {
  let spaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    spaces++;
  }
  const rest = l.input.slice(l.pos - 1);
  if (hasRightTrimMarker(rest) && rest.startsWith(RIGHT, 2)) {
    l.backup();
    if (spaces === 1) return lexRightDelim;
  }
  return l.emit('space');
}

function lexIdentifier(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${goRuneName(r.codePointAt(0) ?? 0)}`);
    if (KEYWORDS.has(word)) {
      const t = word as ItemType;
      if ((t === 'break' && !l.options.breakOK) || (t === 'continue' && !l.options.continueOK)) {
        return l.emit('identifier');
      }
      return l.emit(t);
    }
    if (word === 'true' || word === 'false') return l.emit('bool');
    return l.emit('identifier');
  }
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, 'field');
}

function lexVariable(l: Lexer): StateFn {
  if (l.atTerminator()) return l.emit('variable');
  return lexFieldOrVariable(l, 'variable');
}

function lexFieldOrVariable(l: Lexer, typ: 'field' | 'variable'): StateFn {
  if (l.atTerminator()) return l.emit(typ === 'variable' ? 'variable' : 'dot');
  let r: string;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${goRuneName(r.codePointAt(0) ?? 0)}`);
  return l.emit(typ);
}

function lexChar(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === '\\') {
      r = l.next();
      if (r !== '' && r !== '\n') continue;
      return l.errorf('unterminated character constant');
    }
    if (r === '' || r === '\n') return l.errorf('unterminated character constant');
    if (r === "'") return l.emit('charConstant');
  }
}

function lexNumber(l: Lexer): StateFn {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === '+' || sign === '-') {
    if (!scanNumber(l) || l.input[l.pos - 1] !== 'i') {
      return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
    }
    return l.emit('complex');
  }
  return l.emit('number');
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}

function lexQuote(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === '\\') {
      r = l.next();
      if (r !== '' && r !== '\n') continue;
      return l.errorf('unterminated quoted string');
    }
    if (r === '' || r === '\n') return l.errorf('unterminated quoted string');
    if (r === '"') return l.emit('string');
  }
}

function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (r === '') return l.errorf('unterminated raw quoted string');
    if (r === '`') return l.emit('rawString');
  }
}
