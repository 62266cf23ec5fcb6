// Word expansion in POSIX order: tilde, parameters, command substitution and arithmetic (left to right), then
// field splitting on IFS, pathname expansion and quote removal. Quoting is tracked per character so that only
// unquoted expansion results are split and only unquoted glob characters match.

import type { RegexLike } from '../../../../regex/make-regex.js';
import { checkTimeLimit } from '../time-limit.js';
import type { Command, Word, WordPart } from './ast.js';
import { compilePattern, escapePattern, hasGlobChars } from './pattern.js';

/** What expansion needs from the shell that runs it. */
export interface ExpandHost {
  /** a variable or special parameter ($?, $#, $1 …); undefined when unset */
  param(name: string): string | undefined;
  positional(): string[];
  /** `${name:=value}`; throws after printing when the variable is readonly */
  assign(name: string, value: string): void;
  /** runs `$(…)` and returns its output without trailing newlines */
  commandSubst(body: Command | null): string;
  /** evaluates `$((…))`; prints and throws on errors */
  arith(text: string): string;
  /** prints an expansion error the way ash does and throws */
  fail(message: string): never;
  /** home directory of a user ("" = the current one), undefined when unknown */
  home(user: string): string | undefined;
  /** `set -u` */
  nounset(): boolean;
  /** `set -f` */
  noglob(): boolean;
  glob(pattern: string): string[];
}

interface Unit {
  c: string;
  q: boolean;
  s: boolean;
}

interface Sink {
  add(text: string, quoted: boolean, splittable: boolean): void;
  breakField(): void;
}

class FieldSink implements Sink {
  fields: Unit[][] = [[]];
  add(text: string, q: boolean, s: boolean): void {
    const field = this.fields[this.fields.length - 1] ?? [];
    if (text === '') {
      if (q) field.push({ c: '', q: true, s: false });
      return;
    }
    for (const c of text) field.push({ c, q, s });
  }
  breakField(): void {
    this.fields.push([]);
  }
}

class StringSink implements Sink {
  text = '';
  constructor(private readonly pattern: boolean) {}
  add(text: string, q: boolean): void {
    this.text += this.pattern && q ? escapePattern(text) : text;
  }
  breakField(): void {
    this.text += ' ';
  }
}

const SPECIAL = new Set(['@', '*', '#', '?', '-', '$', '!']);

/** Expands command words: split into fields and globbed. */
export function expandArgs(host: ExpandHost, words: Word[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const sink = new FieldSink();
    for (const part of word.parts) expandPart(host, sink, part);
    for (const field of sink.fields) {
      for (const piece of splitField(field, host.param('IFS') ?? ' \t\n')) out.push(...globField(host, piece));
    }
  }
  return out;
}

/** Expands without splitting or globbing (assignments, redirection targets, here-documents, `case` words). */
export function expandString(host: ExpandHost, word: Word): string {
  const sink = new StringSink(false);
  for (const part of word.parts) expandPart(host, sink, part);
  return sink.text;
}

/** Expands into a pattern: quoted characters come out escaped (see pattern.ts). */
export function expandPattern(host: ExpandHost, word: Word): string {
  const sink = new StringSink(true);
  for (const part of word.parts) expandPart(host, sink, part);
  return sink.text;
}

function expandPart(host: ExpandHost, sink: Sink, part: WordPart): void {
  switch (part.t) {
    case 'lit':
      sink.add(part.v, part.q, false);
      return;
    case 'tilde': {
      const home = host.home(part.user);
      sink.add(home ?? `~${part.user}`, true, false);
      return;
    }
    case 'cmd': {
      const out = host.commandSubst(part.body);
      sink.add(out, part.q, !part.q);
      return;
    }
    case 'arith': {
      const value = host.arith(expandString(host, part.expr));
      sink.add(value, part.q, !part.q);
      return;
    }
    case 'length': {
      // ash measures "$*" joined with spaces for ${#@} and ${#*}, not the number of parameters
      const v = part.name === '@' || part.name === '*' ? host.positional().join(' ') : lookup(host, part.name);
      sink.add(String([...v].length), part.q, !part.q);
      return;
    }
    case 'substr':
      sink.add(substring(host, part), part.q, !part.q);
      return;
    case 'param':
      expandParam(host, sink, part);
      return;
  }
}

function lookup(host: ExpandHost, name: string): string {
  const v = host.param(name);
  if (v === undefined && host.nounset() && !SPECIAL.has(name)) host.fail(`${name}: parameter not set`);
  return v ?? '';
}

function expandParam(host: ExpandHost, sink: Sink, part: Extract<WordPart, { t: 'param' }>): void {
  const { name, op, q } = part;
  const raw = name === '@' || name === '*' ? (host.positional().length > 0 ? '1' : undefined) : host.param(name);
  const colon = op?.startsWith(':') ?? false;
  const isSet = raw !== undefined && (!colon || (name === '@' || name === '*' ? host.positional().join('') !== '' : raw !== ''));
  const arg = part.arg ?? { parts: [] };
  switch (op) {
    case undefined:
      break;
    case '-':
    case ':-':
      if (!isSet) {
        // inside double quotes an empty word is still a field: "${x-}" is one empty argument
        if (q) sink.add('', true, false);
        for (const p of arg.parts) expandPart(host, sink, p);
        return;
      }
      break;
    case '=':
    case ':=':
      if (!isSet) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) host.fail(`${name}: bad variable name`);
        const value = expandString(host, arg);
        host.assign(name, value);
        sink.add(value, q, !q);
        return;
      }
      break;
    case '?':
    case ':?':
      if (!isSet) {
        const msg = expandString(host, arg);
        host.fail(`${name}: ${msg || (colon ? 'parameter not set or null' : 'parameter not set')}`);
      }
      break;
    case '+':
    case ':+':
      if (q) sink.add('', true, false);
      if (isSet) for (const p of arg.parts) expandPart(host, sink, p);
      return;
    default: {
      const value = lookup(host, name === '@' || name === '*' ? name : name);
      const joined = name === '@' || name === '*' ? host.positional().join(' ') : value;
      sink.add(trimOrReplace(host, joined, op, part), q, !q);
      return;
    }
  }
  if (name === '@' || name === '*') {
    const params = host.positional();
    if (q && name === '*') {
      const ifs = host.param('IFS');
      sink.add(params.join(ifs === undefined ? ' ' : ifs.slice(0, 1)), true, false);
      return;
    }
    params.forEach((p, i) => {
      if (i > 0) sink.breakField();
      sink.add(p, q, !q);
    });
    return;
  }
  sink.add(lookup(host, name), q, !q);
}

function trimOrReplace(host: ExpandHost, value: string, op: string, part: Extract<WordPart, { t: 'param' }>): string {
  const pattern = expandPattern(host, part.arg ?? { parts: [] });
  const re = compilePattern(pattern);
  const chars = [...value];
  const n = chars.length;
  const sub = (a: number, b: number): string => chars.slice(a, b).join('');
  switch (op) {
    case '#':
      for (let i = 0; i <= n; i++) if (re.test(sub(0, i))) return sub(i, n);
      return value;
    case '##':
      for (let i = n; i >= 0; i--) if (re.test(sub(0, i))) return sub(i, n);
      return value;
    case '%':
      for (let i = n; i >= 0; i--) if (re.test(sub(i, n))) return sub(0, i);
      return value;
    case '%%':
      for (let i = 0; i <= n; i++) if (re.test(sub(i, n))) return sub(0, i);
      return value;
    default: {
      const repl = part.repl ? expandString(host, part.repl) : '';
      return replace(chars, re, repl, op);
    }
  }
}

function replace(chars: string[], re: RegexLike, repl: string, op: string): string {
  const n = chars.length;
  const sub = (a: number, b: number): string => chars.slice(a, b).join('');
  if (op === '/#') {
    for (let j = n; j >= 0; j--) if (re.test(sub(0, j))) return repl + sub(j, n);
    return chars.join('');
  }
  if (op === '/%') {
    for (let i = 0; i <= n; i++) if (re.test(sub(i, n))) return sub(0, i) + repl;
    return chars.join('');
  }
  let out = '';
  let i = 0;
  let replaced = false;
  while (i <= n) {
    let matched = -1;
    if (!(replaced && op === '/')) {
      for (let j = n; j > i; j--) {
        checkTimeLimit(); // n² tests of a long value: the step's timeout must still stop it
        if (re.test(sub(i, j))) {
          matched = j;
          break;
        }
      }
    }
    if (matched !== -1) {
      out += repl;
      i = matched;
      replaced = true;
      continue;
    }
    if (i < n) out += chars[i];
    i++;
  }
  return out;
}

function substring(host: ExpandHost, part: Extract<WordPart, { t: 'substr' }>): string {
  const chars = [...lookup(host, part.name)];
  const n = chars.length;
  let off = Number(host.arith(expandString(host, part.offset)));
  if (off < 0) off = Math.max(0, n + off);
  let end = n;
  if (part.length) {
    const len = Number(host.arith(expandString(host, part.length)));
    end = len < 0 ? n + len : off + len;
  }
  return chars.slice(off, Math.max(off, end)).join('');
}

// POSIX field splitting of one field: only splittable (unquoted expansion) characters delimit; IFS white space
// collapses and is trimmed, other IFS characters delimit exactly one field each.
function splitField(field: Unit[], ifs: string): Unit[][] {
  if (!field.some((u) => u.s) || ifs === '') return field.length > 0 ? [field] : [];
  const out: Unit[][] = [];
  let cur: Unit[] = [];
  let afterWhite = false;
  for (let i = 0; i < field.length; i++) {
    const u = field[i] as Unit;
    if (u.s && u.c !== '' && ifs.includes(u.c)) {
      if (' \t\n'.includes(u.c)) {
        if (cur.length > 0) {
          out.push(cur);
          cur = [];
          afterWhite = true;
        }
      } else {
        if (cur.length > 0 || !afterWhite) out.push(cur);
        cur = [];
        afterWhite = false;
        while (i + 1 < field.length && field[i + 1]?.s && ' \t\n'.includes(field[i + 1]?.c ?? 'x') && ifs.includes(field[i + 1]?.c ?? 'x')) i++;
      }
      continue;
    }
    cur.push(u);
    afterWhite = false;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

function globField(host: ExpandHost, field: Unit[]): string[] {
  const text = field.map((u) => u.c).join('');
  if (host.noglob() || !field.some((u) => !u.q && (u.c === '*' || u.c === '?' || u.c === '['))) return [text];
  const pattern = field.map((u) => (u.q ? escapePattern(u.c) : u.c)).join('');
  if (!hasGlobChars(pattern)) return [text];
  const matches = host.glob(pattern);
  return matches.length > 0 ? matches : [text];
}
