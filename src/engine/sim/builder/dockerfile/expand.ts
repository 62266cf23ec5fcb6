// Variable expansion and quote removal for Dockerfile words, as buildkit's shell lexer (shell/lex.go, v0.8 in
// Docker 20.10) does it: `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR:+word}`, `${VAR:?msg}`, `${VAR?msg}`, single
// and double quotes, the escape token. The legacy builder runs every ENV, ARG, LABEL, WORKDIR, COPY, ADD,
// USER, VOLUME, STOPSIGNAL and FROM word through processWord, and EXPOSE through processWords.

import type { EscapeToken } from './directives.js';
import { goQuote } from '../../../../go/quote.js';
import { isGoSpace } from './go-text.js';

/** Variables visible to an expansion: a map, or Docker's `KEY=value` list (later entries win). */
export type ShellEnv = ReadonlyMap<string, string> | readonly string[];

/** How a word is expanded. */
export interface LexOptions {
  /** The escape token from the `# escape=` directive (default `\`). */
  readonly escapeToken?: EscapeToken;
  /**
   * Accept `${VAR-word}`, `${VAR+word}` (unset only, not empty). Docker 20.10 does not (it fails with
   * `missing ':' in substitution`); buildkit 0.12 and later do. Off by default to match 20.10.
   */
  readonly colonlessModifiers?: boolean;
}

/** An expansion Docker would refuse; the message is Docker's (`failed to process "${x": …`). */
export class ExpansionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExpansionError';
  }
}

/** Docker's BuildEnvs: `KEY=value` strings to a map; a bare `KEY` is set to the empty string. */
export function buildEnvs(list: readonly string[]): Map<string, string> {
  const envs = new Map<string, string>();
  for (const entry of list) {
    const eq = entry.indexOf('=');
    if (eq < 0) envs.set(entry, '');
    else envs.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return envs;
}

/** Expands one word and removes its quotes; spaces inside stay (`"a  b"` → `a  b`). */
export function processWord(word: string, env: ShellEnv, options: LexOptions = {}): string {
  return new Lexer(word, toMap(env), options).run().word;
}

/** Expands, removes quotes, then splits on unquoted blanks (`a "b c" $X` with X="d e" → a, b c, d, e). */
export function processWords(word: string, env: ShellEnv, options: LexOptions = {}): string[] {
  return new Lexer(word, toMap(env), options).run().words;
}

function toMap(env: ShellEnv): ReadonlyMap<string, string> {
  return Array.isArray(env) ? buildEnvs(env as readonly string[]) : (env as ReadonlyMap<string, string>);
}

const EOF = '';
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

const isSpace = (ch: string): boolean => ch !== EOF && isGoSpace(ch.codePointAt(0) as number);

// Collects the split form alongside the joined one (buildkit's wordsStruct, quirks included).
class Words {
  word = '';
  words: string[] = [];
  inWord = false;

  addChar(ch: string): void {
    if (isSpace(ch) && this.inWord) {
      if (this.word.length !== 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else if (!isSpace(ch)) {
      this.addRawString(ch);
    }
  }

  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }

  addRawString(s: string): void {
    this.word += s;
    this.inWord = true;
  }

  finish(): string[] {
    if (this.word.length > 0) this.words.push(this.word);
    return this.words;
  }
}

class Lexer {
  private readonly chars: string[];
  private pos = 0;
  private readonly escape: string;

  constructor(
    private readonly source: string,
    private readonly env: ReadonlyMap<string, string>,
    private readonly options: LexOptions,
  ) {
    this.chars = [...source];
    this.escape = options.escapeToken ?? '\\';
  }

  run(): { word: string; words: string[] } {
    try {
      return this.processStopOn(EOF);
    } catch (err) {
      throw new ExpansionError(`failed to process ${goQuote(this.source)}: ${(err as Error).message}`, { cause: err });
    }
  }

  private peek(): string {
    return this.pos < this.chars.length ? this.chars[this.pos] : EOF;
  }

  private next(): string {
    return this.pos < this.chars.length ? this.chars[this.pos++] : EOF;
  }

  private processStopOn(stop: string): { word: string; words: string[] } {
    let result = '';
    const words = new Words();
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (stop !== EOF && ch === stop) {
        this.next();
        return { word: result, words: words.finish() };
      }
      if (ch === "'" || ch === '"' || ch === '$') {
        const text = ch === "'" ? this.singleQuote() : ch === '"' ? this.doubleQuote() : this.dollar();
        result += text;
        if (ch === '$') words.addString(text);
        else words.addRawString(text);
        continue;
      }
      let c = this.next();
      if (c === this.escape) {
        c = this.next();
        // A trailing escape token is dropped.
        if (c === EOF) break;
        words.addRawString(c);
      } else {
        words.addChar(c);
      }
      result += c;
    }
    if (stop !== EOF) throw new Error(`unexpected end of statement while looking for matching ${stop}`);
    return { word: result, words: words.finish() };
  }

  private singleQuote(): string {
    this.next();
    let result = '';
    for (;;) {
      const ch = this.next();
      if (ch === EOF) throw new Error('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") return result;
      result += ch;
    }
  }

  private doubleQuote(): string {
    this.next();
    let result = '';
    for (;;) {
      const ch = this.peek();
      if (ch === EOF) throw new Error('unexpected end of statement while looking for matching double-quote');
      if (ch === '"') {
        this.next();
        return result;
      }
      if (ch === '$') {
        result += this.dollar();
        continue;
      }
      let c = this.next();
      if (c === this.escape) {
        const after = this.peek();
        // Only `"`, `$` and the escape token itself can be escaped; other escapes stay literal.
        if (after === EOF) continue;
        if (after === '"' || after === '$' || after === this.escape) c = this.next();
      }
      result += c;
    }
  }

  private dollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      return name === '' ? '$' : (this.env.get(name) ?? '');
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new Error("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new Error('syntax error: bad substitution');
    const name = this.processName();
    const ch = this.next();
    if (ch === '}') return this.env.get(name) ?? '';
    if (ch === ':') return this.modifier(name, this.next(), true);
    if (ch === '?' || (this.options.colonlessModifiers === true && (ch === '-' || ch === '+'))) {
      return this.modifier(name, ch, false);
    }
    // Newer buildkit names the character it did not expect (Go prints end of input as U+FFFD).
    if (this.options.colonlessModifiers === true) {
      throw new Error(`unsupported modifier (${ch === EOF ? '\ufffd' : ch}) in substitution`);
    }
    throw new Error("missing ':' in substitution");
  }

  // `${name<op>word}`; with a colon an empty value counts as unset.
  private modifier(name: string, op: string, colon: boolean): string {
    const word = this.wordUntilBrace();
    const value = this.env.get(name);
    const unset = value === undefined || (colon && value === '');
    switch (op) {
      case '-':
        return unset ? word : (value as string);
      case '+':
        return unset ? '' : word;
      case '?':
        if (value === undefined) throw new Error(`${name}: ${word || 'is not allowed to be unset'}`);
        if (colon && value === '') throw new Error(`${name}: ${word || 'is not allowed to be empty'}`);
        return value;
      default: {
        // 20.10 names only the character after the colon; newer buildkit includes the colon.
        const shown = (colon && this.options.colonlessModifiers === true ? ':' : '') + (op === EOF ? '\ufffd' : op);
        throw new Error(`unsupported modifier (${shown}) in substitution`);
      }
    }
  }

  private wordUntilBrace(): string {
    try {
      return this.processStopOn('}').word;
    } catch (err) {
      if (this.peek() === EOF) throw new Error("syntax error: missing '}'", { cause: err });
      throw err;
    }
  }

  // A name: letters, digits, `_`; or one run of digits (positional); or one special parameter.
  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name === '' && DIGIT.test(ch)) {
        while (DIGIT.test(this.peek())) name += this.next();
        return name;
      }
      if (name === '' && SPECIAL_PARAMS.has(ch)) return this.next();
      if (!LETTER.test(ch) && !DIGIT.test(ch) && ch !== '_') break;
      name += this.next();
    }
    return name;
  }
}
