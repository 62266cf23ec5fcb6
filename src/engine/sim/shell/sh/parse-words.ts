// What the parser asks of a token or word: is it this keyword or operator, its plain text, an assignment;
// and ash's "unexpected" syntax error.

import type { Assign, Word } from './ast.js';
import { describeToken } from './lexer.js';
import { ShellSyntaxError } from './syntax-error.js';
import type { Token } from './lexer.js';

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** The token is the reserved word `kw` (in a place where reserved words count). */
export function isKw(tok: Token, kw: string): boolean {
  return tok.t === 'word' && tok.kw === kw;
}

/** The token is the operator `op`. */
export function isOp(tok: Token, op: string): boolean {
  return tok.t === 'op' && tok.v === op;
}

/** ash's "unexpected X (expecting Y)" syntax error for a token. */
export function unexpected(tok: Token, expecting?: string): ShellSyntaxError {
  const what = describeToken(tok);
  return new ShellSyntaxError(expecting ? `unexpected ${what} (expecting ${expecting})` : `unexpected ${what}`);
}

/** The text of a word made only of literal parts (quoted or not), or null. */
export function plainText(word: Word): string | null {
  let out = '';
  for (const p of word.parts) {
    if (p.t !== 'lit') return null;
    out += p.v;
  }
  return out;
}

/** `NAME=value` is an assignment only when NAME and `=` are unquoted literal text at the start of the word. */
export function asAssignment(word: Word): Assign | null {
  const first = word.parts[0];
  if (!first || first.t !== 'lit' || first.q) return null;
  const m = ASSIGN.exec(first.v);
  if (!m) return null;
  const name = m[1] ?? '';
  const rest = first.v.slice(m[0].length);
  const parts = word.parts.slice(1);
  if (rest) parts.unshift({ t: 'lit', v: rest, q: false });
  if (rest.startsWith('~') && (rest.length === 1 || rest[1] === '/' || rest[1] === ':')) {
    parts[0] = { t: 'lit', v: rest.slice(1), q: false };
    parts.unshift({ t: 'tilde', user: '' });
  }
  return { name, value: { parts } };
}
