// The tokens of text/template's lexer (Go 1.19) and the character classes its states share: the text-level
// states (template-lexer.ts) and those inside an action (template-lex-action.ts) both read them.

import type { Lexer } from './template-lexer.js';

/** Token kinds, named after Go's itemType. */
export type ItemType =
  | 'error' | 'bool' | 'char' | 'charConstant' | 'comment' | 'complex' | 'assign' | 'declare' | 'EOF'
  | 'field' | 'identifier' | 'leftDelim' | 'leftParen' | 'number' | 'pipe' | 'rawString' | 'rightDelim'
  | 'rightParen' | 'space' | 'string' | 'text' | 'variable'
  // keywords
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil' | 'range' | 'template'
  | 'with';

/** One token: `pos` is an index into the template text, `line` 1-based. */
export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

/** Go's keywords, lexed as identifiers first. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'block', 'break', 'continue', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with',
]);

/** Whether a token kind is a keyword (Go prints those as `<with>` in errors). */
export function isKeyword(t: ItemType): boolean {
  return t === 'dot' || KEYWORDS.has(t);
}

/** The action delimiters (docker never changes them). */
export const LEFT = '{{';
/** The closing delimiter. */
export const RIGHT = '}}';
const SPACE = /[ \t\r\n]/;
const ALNUM = /^[_\p{L}\p{Nd}]$/u;

/** Go's isSpace: the lexer's whitespace. */
export function isSpace(ch: string): boolean {
  return ch !== '' && SPACE.test(ch);
}

/** Go's isAlphaNumeric: a letter, digit or underscore. */
export function isAlphaNumeric(ch: string): boolean {
  return ch !== '' && ALNUM.test(ch);
}

/** `{{- `: trims the text before. */
export function hasLeftTrimMarker(s: string): boolean {
  return s.length >= 2 && s[0] === '-' && isSpace(s[1] ?? '');
}

/** ` -}}`: trims the text after. */
export function hasRightTrimMarker(s: string): boolean {
  return s.length >= 2 && isSpace(s[0] ?? '') && s[1] === '-';
}

/** The length of leading whitespace. */
export function trimLeftLength(s: string): number {
  return s.length - s.replace(/^[ \t\r\n]+/, '').length;
}

/** The length of trailing whitespace. */
export function trimRightLength(s: string): number {
  return s.length - s.replace(/[ \t\r\n]+$/, '').length;
}

/** Lines a span adds to the line count. */
export function countNewlines(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\n') n++;
  return n;
}

/** A lexer state: it returns the next state, or null once it has emitted a token. */
export type StateFn = ((l: Lexer) => StateFn) | null;
