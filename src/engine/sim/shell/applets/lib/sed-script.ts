// The sed script language: addresses (N, $, /RE/, \cREc, A,B, A,+N, !) and commands, parsed into a flat list
// that sed.ts runs. Regexes are POSIX (posix-regex.ts); an empty regex means the last one used.

import { compilePosix, RegexError } from './posix-regex.js';
import type { RegexLike } from '../../../../../regex/make-regex.js';

/** A sed address. */
export type Addr = { t: 'line'; n: number } | { t: 'last' } | { t: 're'; re: RegexLike | null };

/** One parsed command with its addresses. */
export interface Cmd {
  a1?: Addr;
  a2?: Addr | { t: 'rel'; n: number };
  neg: boolean;
  name: string;
  text?: string;
  re?: RegexLike | null;
  repl?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  wfile?: string;
  label?: string;
  from?: string;
  to?: string;
  /** for `{`: index of the matching `}` */
  end?: number;
  /** range state */
  active?: boolean;
  rangeEnd?: number;
}

/** A script or runtime error; the message follows "sed: ". */
export class SedError {
  constructor(readonly message: string) {}
}

/** Parses sed scripts into a flat command list ({ … } blocks point at their closing brace). */
export class Script {
  cmds: Cmd[] = [];
  private src = '';
  private i = 0;
  private lastRe: RegexLike | null = null;

  constructor(private readonly extended: boolean) {}

  parse(text: string): void {
    this.src = text;
    this.i = 0;
    const stack: number[] = [];
    for (;;) {
      this.skip(' \t\n;');
      if (this.i >= this.src.length) break;
      if (this.src[this.i] === '#') {
        while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
        continue;
      }
      const cmd: Cmd = { neg: false, name: '' };
      const a1 = this.addr();
      if (a1) {
        cmd.a1 = a1;
        this.skip(' \t');
        if (this.src[this.i] === ',') {
          this.i++;
          this.skip(' \t');
          const rel = /^\+(\d+)/.exec(this.src.slice(this.i));
          if (rel) {
            cmd.a2 = { t: 'rel', n: Number(rel[1]) };
            this.i += rel[0].length;
          } else {
            const a2 = this.addr();
            if (!a2) throw new SedError('unexpected ,');
            cmd.a2 = a2;
          }
        }
      }
      this.skip(' \t');
      while (this.src[this.i] === '!') {
        cmd.neg = true;
        this.i++;
        this.skip(' \t');
      }
      const name = this.src[this.i++];
      if (name === undefined) throw new SedError('missing command');
      cmd.name = name;
      this.command(cmd, stack);
      this.cmds.push(cmd);
    }
    if (stack.length > 0) throw new SedError("unmatched '{'");
  }

  private skip(chars: string): void {
    while (this.i < this.src.length && chars.includes(this.src[this.i] ?? '')) this.i++;
  }

  private addr(): Addr | null {
    const rest = this.src.slice(this.i);
    let m: RegExpExecArray | null;
    if ((m = /^\d+/.exec(rest))) {
      this.i += m[0].length;
      return { t: 'line', n: Number(m[0]) };
    }
    if (rest.startsWith('$')) {
      this.i++;
      return { t: 'last' };
    }
    if (rest.startsWith('/') || rest.startsWith('\\')) {
      if (rest.startsWith('\\')) this.i++;
      const delim = this.src[this.i++] ?? '/';
      const pattern = this.delimited(delim, true);
      let flags = '';
      if (this.src[this.i] === 'I') {
        flags = 'i';
        this.i++;
      }
      return { t: 're', re: this.regex(pattern, flags) };
    }
    return null;
  }

  private regex(pattern: string, flags: string): RegexLike | null {
    if (pattern === '') return this.lastRe;
    try {
      const re = compilePosix(pattern, this.extended, flags);
      this.lastRe = re;
      return re;
    } catch (e) {
      if (e instanceof RegexError) throw new SedError(`bad regex '${pattern}'${e.reason ? `: ${e.reason}` : ''}`);
      throw e;
    }
  }

  // Text up to an unescaped delimiter; "\n" becomes a newline, "\<delim>" the delimiter.
  private delimited(delim: string, isRegex: boolean): string {
    let out = '';
    for (;;) {
      const c = this.src[this.i++];
      if (c === undefined) throw new SedError(`unmatched '${delim}'`);
      if (c === delim) return out;
      if (c === '\\') {
        const n = this.src[this.i++] ?? '';
        if (n === delim) out += delim;
        else if (n === 'n' && isRegex) out += '\\n';
        else if (n === 'n') out += '\n';
        else out += `\\${n}`;
        continue;
      }
      if (c === '[' && isRegex) {
        const close = this.src.indexOf(']', this.i + (this.src[this.i] === ']' ? 1 : this.src[this.i] === '^' && this.src[this.i + 1] === ']' ? 2 : 0));
        if (close !== -1) {
          out += this.src.slice(this.i - 1, close + 1);
          this.i = close + 1;
          continue;
        }
      }
      out += c;
    }
  }

  private textArg(): string {
    this.skip(' \t');
    if (this.src[this.i] === '\\') {
      this.i++;
      if (this.src[this.i] === '\n') this.i++;
    }
    let out = '';
    while (this.i < this.src.length && this.src[this.i] !== '\n') {
      const c = this.src[this.i++] ?? '';
      if (c === '\\' && this.i < this.src.length) out += this.src[this.i++] ?? '';
      else out += c;
    }
    return out;
  }

  private word(): string {
    this.skip(' \t');
    const start = this.i;
    while (this.i < this.src.length && !';\n}'.includes(this.src[this.i] ?? '')) this.i++;
    return this.src.slice(start, this.i).trim();
  }

  private command(cmd: Cmd, stack: number[]): void {
    switch (cmd.name) {
      case '{':
        stack.push(this.cmds.length);
        return;
      case '}': {
        const open = stack.pop();
        if (open === undefined) throw new SedError("unexpected '}'");
        const o = this.cmds[open];
        if (o) o.end = this.cmds.length;
        return;
      }
      case 's': {
        const delim = this.src[this.i++] ?? '/';
        const pattern = this.delimited(delim, true);
        cmd.repl = this.delimited(delim, false);
        let flags = '';
        for (;;) {
          const f = this.src[this.i];
          // busybox keeps one which_match: "g" sets it to 0 (all), a number to N, the last one wins
          if (f === 'g') {
            cmd.global = true;
            cmd.nth = undefined;
          } else if (f === 'p') cmd.print = true;
          else if (f === 'i' || f === 'I') flags += 'i';
          else if (f !== undefined && /\d/.test(f)) {
            const m = /^\d+/.exec(this.src.slice(this.i))?.[0] ?? '1';
            cmd.nth = Number(m);
            cmd.global = false;
            this.i += m.length - 1;
          } else if (f === 'w') {
            this.i++;
            cmd.wfile = this.word();
            return this.regexFor(cmd, pattern, flags);
          } else break;
          this.i++;
        }
        if (this.i < this.src.length && !' \t\n;}#'.includes(this.src[this.i] ?? '')) throw new SedError('bad option in substitution expression');
        this.regexFor(cmd, pattern, flags);
        return;
      }
      case 'y': {
        const delim = this.src[this.i++] ?? '/';
        cmd.from = this.delimited(delim, false);
        cmd.to = this.delimited(delim, false);
        if ([...cmd.from].length !== [...cmd.to].length) throw new SedError("strings for 'y' command are different lengths");
        return;
      }
      case 'a':
      case 'i':
      case 'c':
        cmd.text = this.textArg();
        return;
      case 'b':
      case 't':
      case 'T':
        cmd.label = this.word();
        return;
      case ':':
        cmd.label = this.word();
        if (!cmd.label) throw new SedError("':' lacks a label");
        return;
      case 'r':
      case 'w':
        cmd.wfile = this.word();
        return;
      default:
        // busybox 1.35's cmd_letters: q takes no exit code, l is accepted and does nothing, Q and z are unknown
        if ('=dDpPnNgGhHxql'.includes(cmd.name)) return;
        throw new SedError(`unsupported command ${cmd.name}`);
    }
  }

  private regexFor(cmd: Cmd, pattern: string, flags: string): void {
    cmd.re = this.regex(pattern, flags);
  }
}
