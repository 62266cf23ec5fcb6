// sed's engine: runs a parsed script (lib/sed-script.ts) over input lines as busybox's process_files does,
// with the hold space, ranges, `n`/`N`/`D` and the substitution's replacement text.

import { readPath, toBytes, toText } from '../../io.js';
import type { ProcessContext } from '../../process.js';
import { abs, chargeStep } from './common.js';
import { makePosixRegex } from '../../../../../regex/make-regex.js';
import { SedError } from './sed-script.js';
import type { Addr, Cmd } from './sed-script.js';

/** Input lines, each knowing whether it ended with a newline (only a file's last line may not). */
/** One input line and whether a newline ended it (a last line without one is printed without one). */
export interface SedLine {
  text: string;
  eol: boolean;
}

/** Runs a parsed script over the input, line by line, with the pattern and hold spaces. */
export class Runner {
  out: string[] = [];
  private hold = '';
  private appendQueue: string[] = [];
  /** the last thing printed was a line without its newline */
  private missingNewline = false;
  /** "N,…" ranges that have started once */
  private readonly deadRanges = new Set<Cmd>();

  constructor(
    private readonly ctx: ProcessContext,
    private readonly cmds: Cmd[],
    private readonly quiet: boolean,
  ) {}

  private matchAddr(a: Addr, line: number, last: boolean, ps: string): boolean {
    switch (a.t) {
      case 'line':
        return line === a.n;
      case 'last':
        return last;
      case 're':
        if (!a.re) throw new SedError('no previous regexp');
        a.re.lastIndex = 0;
        return a.re.test(ps);
    }
  }

  private selected(c: Cmd, line: number, last: boolean, ps: string): boolean {
    // line 0 is busybox's "no address"
    if (!c.a1 || (!c.a2 && c.a1.t === 'line' && c.a1.n === 0)) return true;
    if (!c.a2) return this.matchAddr(c.a1, line, last, ps);
    if (c.active) {
      const a2 = c.a2;
      let done: boolean;
      if (a2.t === 'rel') done = line >= (c.rangeEnd ?? 0);
      else if (a2.t === 'line') done = line >= a2.n;
      else done = this.matchAddr(a2, line, last, ps);
      if (done) c.active = false;
      return true;
    }
    // "N,…" starts on the first line at or after N (lines can be skipped by n/N), then never again
    const starts = c.a1.t === 'line' ? c.a1.n > 0 && line >= c.a1.n && !this.deadRanges.has(c) : this.matchAddr(c.a1, line, last, ps);
    if (starts) {
      if (c.a1.t === 'line') this.deadRanges.add(c);
      const a2 = c.a2;
      if (a2.t === 'rel') {
        c.rangeEnd = line + a2.n;
        c.active = a2.n > 0;
      } else if (a2.t === 'line') c.active = a2.n > line;
      else c.active = true;
      return true;
    }
    return false;
  }

  // puts_maybe_newline: the newline a previous unterminated line lacked comes first
  private emit(text: string, eol: boolean): void {
    if (this.missingNewline) this.out.push('\n');
    this.missingNewline = false;
    this.out.push(eol ? `${text}\n` : text);
    if (!eol && text !== '') this.missingNewline = true;
  }

  /** Runs the script over the lines, until the end or `q`. */
  run(input: SedLine[]): void {
    const lines = input.map((l) => l.text);
    for (let n = 0; n < lines.length; n++) {
      chargeStep(this.ctx, 0.01);
      let ps = lines[n] ?? '';
      let eol = input[n]?.eol ?? true;
      let pc = 0;
      let substituted = false;
      let deleted = false;
      let lineNo = n + 1;
      const isLast = (): boolean => lineNo === lines.length;
      while (pc < this.cmds.length) {
        const c = this.cmds[pc] as Cmd;
        const sel = this.selected(c, lineNo, isLast(), ps) !== c.neg;
        if (!sel) {
          pc = c.name === '{' ? (c.end ?? pc) + 1 : pc + 1;
          continue;
        }
        pc++;
        switch (c.name) {
          case '{':
          case '}':
          case ':':
            break;
          case 's': {
            const r = this.substitute(c, ps);
            if (r !== null) {
              ps = r;
              substituted = true;
              if (c.print) this.emit(ps, eol);
              if (c.wfile) this.writeFile(c.wfile, `${ps}\n`);
            }
            break;
          }
          case 'y': {
            const from = [...(c.from ?? '')];
            const to = [...(c.to ?? '')];
            ps = [...ps].map((ch) => {
              const k = from.indexOf(ch);
              return k === -1 ? ch : (to[k] ?? ch);
            }).join('');
            break;
          }
          case 'p':
            this.emit(ps, true);
            break;
          case 'P':
            this.emit(ps.split('\n')[0] ?? '', true);
            break;
          case '=':
            this.out.push(`${lineNo}\n`);
            break;
          case 'd':
            deleted = true;
            pc = this.cmds.length;
            break;
          case 'D': {
            const nl = ps.indexOf('\n');
            if (nl === -1) {
              deleted = true;
              pc = this.cmds.length;
            } else {
              ps = ps.slice(nl + 1);
              pc = 0;
            }
            break;
          }
          case 'a':
            this.appendQueue.push(c.text ?? '');
            break;
          case 'i':
            this.emit(c.text ?? '', true);
            break;
          case 'c':
            if (!c.a2 || !c.active) this.emit(c.text ?? '', true);
            deleted = true;
            pc = this.cmds.length;
            break;
          case 'r':
            try {
              const text = toText(readPath(this.ctx, c.wfile ?? ''));
              this.appendQueue.push(...(text.endsWith('\n') ? text.slice(0, -1) : text).split('\n').filter((_, i, a) => text !== '' || i < a.length - 1));
            } catch {
              // a missing file is silently ignored
            }
            break;
          case 'w':
            this.writeFile(c.wfile ?? '', `${ps}\n`);
            break;
          case 'n':
            if (!this.quiet) this.emit(ps, eol);
            this.flushAppends();
            if (n + 1 >= lines.length) {
              deleted = true;
              pc = this.cmds.length;
              break;
            }
            ps = lines[++n] ?? '';
            eol = input[n]?.eol ?? true;
            lineNo = n + 1;
            break;
          case 'N':
            if (n + 1 >= lines.length) {
              pc = this.cmds.length;
              break;
            }
            ps += `\n${lines[++n] ?? ''}`;
            eol = input[n]?.eol ?? true;
            lineNo = n + 1;
            break;
          case 'g':
            ps = this.hold;
            break;
          case 'G':
            ps += `\n${this.hold}`;
            eol = true;
            break;
          case 'h':
            this.hold = ps;
            break;
          case 'H':
            this.hold += `\n${ps}`;
            break;
          case 'x':
            [ps, this.hold] = [this.hold, ps];
            eol = true;
            break;
          case 'q':
            if (!this.quiet) this.emit(ps, eol);
            this.flushAppends();
            return;
          case 'b':
          case 't':
          case 'T': {
            const jump = c.name === 'b' || (c.name === 't' ? substituted : !substituted);
            if (c.name !== 'b') substituted = false;
            if (jump) pc = c.label ? this.labelIndex(c.label) : this.cmds.length;
            break;
          }
        }
      }
      if (!deleted && !this.quiet) this.emit(ps, eol);
      this.flushAppends();
    }
  }

  // appended text is always terminated, even after an unterminated last line
  private flushAppends(): void {
    for (const text of this.appendQueue) this.emit(text, true);
    this.appendQueue = [];
  }

  private labelIndex(label: string): number {
    const i = this.cmds.findIndex((c) => c.name === ':' && c.label === label);
    if (i === -1) throw new SedError(`can't find label for jump to '${label}'`);
    return i;
  }

  private writeFile(file: string, text: string): void {
    const path = abs(this.ctx, file === '/dev/stdout' ? '/dev/stdout' : file);
    if (file === '/dev/stdout') {
      this.out.push(text);
      return;
    }
    this.ctx.fs.writeFile(path, toBytes(text), { append: true });
  }

  // Walks the matches like busybox's do_subst_command: an empty match right after the previous match is
  // skipped ("aaa" with s/a*/x/g gives "x"), the Nth match alone or every one from the Nth with g.
  private substitute(c: Cmd, ps: string): string | null {
    if (!c.re) throw new SedError('no previous regexp');
    const re = makePosixRegex(c.re.source, `${c.re.flags.replace('g', '')}g`);
    const nth = c.nth ?? 1;
    let out = '';
    let pos = 0;
    let count = 0;
    let changed = false;
    let lastEnd = -1;
    while (pos <= ps.length) {
      re.lastIndex = pos;
      const m = re.exec(ps);
      if (!m) break;
      const start = m.index;
      const end = start + m[0].length;
      if (m[0] === '' && start === lastEnd) {
        if (start >= ps.length) break;
        out += ps.slice(pos, start + 1);
        pos = start + 1;
        continue;
      }
      count++;
      out += ps.slice(pos, start);
      if (count >= nth && (c.global || count === nth)) {
        out += expandReplacement(c.repl ?? '', m[0], m.slice(1));
        changed = true;
      } else out += m[0];
      lastEnd = end;
      if (m[0] === '') {
        if (start >= ps.length) {
          pos = ps.length + 1;
          break;
        }
        out += ps[start] ?? '';
        pos = start + 1;
      } else pos = end;
      if (!c.global && count >= nth) break;
    }
    if (pos <= ps.length) out += ps.slice(pos);
    return changed ? out : null;
  }
}

/** The replacement of `s///`: `&`, `\\1`…`\\9`, `\\n`, `\\t`. */
function expandReplacement(repl: string, whole: string, groups: (string | undefined)[]): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const ch = repl[i] ?? '';
    if (ch === '&') out += whole;
    else if (ch === '\\') {
      const n = repl[++i] ?? '';
      if (/\d/.test(n)) out += n === '0' ? whole : (groups[Number(n) - 1] ?? '');
      else if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
    } else out += ch;
  }
  return out;
}

/** One file's lines; only its last may lack a newline. */
export function splitInput(text: string): SedLine[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const eolAtEnd = text.endsWith('\n');
  if (eolAtEnd) parts.pop();
  return parts.map((t, i) => ({ text: t, eol: eolAtEnd || i < parts.length - 1 }));
}
