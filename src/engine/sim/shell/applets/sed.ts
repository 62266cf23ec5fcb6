// busybox sed, the commonly used part: -n -e -f -i -E/-r -s; addresses (N, $, /RE/, \cREc, A,B, A,+N, !);
// commands s y d D p P q Q = a i c n N g G h H x b t T : { } l w r. POSIX regexes are translated to
// JavaScript (see posix-regex.ts).

import { FsError } from '../../fs/vfs.js';
import { readPath, strerror, toBytes, toText } from '../io.js';
import type { ProcessContext } from '../process.js';
import type { Applet } from './common.js';
import { abs, chargeStep, stdinToEof } from './common.js';
import { getopt } from './getopt.js';
import { SedError, Script } from './sed-script.js';
import type { Addr, Cmd } from './sed-script.js';
import { showUsage } from './usage.js';

class Runner {
  out: string[] = [];
  private hold = '';
  private appendQueue: string[] = [];
  quit: number | null = null;

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
    if (!c.a1) return true;
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
    if (this.matchAddr(c.a1, line, last, ps)) {
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

  /** Runs the script over the lines; returns false when `q` stopped it. */
  run(lines: string[]): void {
    for (let n = 0; n < lines.length; n++) {
      chargeStep(this.ctx, 0.01);
      let ps = lines[n] ?? '';
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
              if (c.print) this.out.push(`${ps}\n`);
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
            this.out.push(`${ps}\n`);
            break;
          case 'P':
            this.out.push(`${ps.split('\n')[0] ?? ''}\n`);
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
            this.appendQueue.push(`${c.text ?? ''}\n`);
            break;
          case 'i':
            this.out.push(`${c.text ?? ''}\n`);
            break;
          case 'c':
            if (!c.a2 || !c.active) this.out.push(`${c.text ?? ''}\n`);
            deleted = true;
            pc = this.cmds.length;
            break;
          case 'r':
            try {
              this.appendQueue.push(toText(readPath(this.ctx, c.wfile ?? '')));
            } catch {
              // a missing file is silently ignored
            }
            break;
          case 'w':
            this.writeFile(c.wfile ?? '', `${ps}\n`);
            break;
          case 'n':
            if (!this.quiet) this.out.push(`${ps}\n`);
            this.flushAppends();
            if (n + 1 >= lines.length) {
              deleted = true;
              pc = this.cmds.length;
              break;
            }
            ps = lines[++n] ?? '';
            lineNo = n + 1;
            break;
          case 'N':
            if (n + 1 >= lines.length) {
              pc = this.cmds.length;
              break;
            }
            ps += `\n${lines[++n] ?? ''}`;
            lineNo = n + 1;
            break;
          case 'g':
            ps = this.hold;
            break;
          case 'G':
            ps += `\n${this.hold}`;
            break;
          case 'h':
            this.hold = ps;
            break;
          case 'H':
            this.hold += `\n${ps}`;
            break;
          case 'x':
            [ps, this.hold] = [this.hold, ps];
            break;
          case 'z':
            ps = '';
            break;
          case 'l':
            this.out.push(`${ps.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n')}$\n`);
            break;
          case 'q':
          case 'Q':
            if (c.name === 'q' && !this.quiet) this.out.push(`${ps}\n`);
            this.flushAppends();
            this.quit = c.nth ?? 0;
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
      if (!deleted && !this.quiet) this.out.push(`${ps}\n`);
      this.flushAppends();
    }
  }

  private flushAppends(): void {
    this.out.push(...this.appendQueue);
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
    const re = new RegExp(c.re.source, `${c.re.flags.replace('g', '')}g`);
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

/** `sed [-inrsE] [-f FILE]... [-e CMD]... [FILE]...` */
export const sed: Applet = (ctx, argv) => {
  // -i takes an optional attached suffix (-i.bak), never a separate argument.
  const args = argv.map((a, i) => (i > 0 && /^-i./.test(a) ? '-i' : a));
  const o = getopt(ctx, 'sed', args, { flags: 'nrEszi', args: 'ef', long: { quiet: { key: 'n' }, silent: { key: 'n' }, expression: { key: 'e', arg: true }, file: { key: 'f', arg: true }, 'in-place': { key: 'i' }, 'regexp-extended': { key: 'E' }, posix: { key: 'posix' }, debug: { key: 'debug' } } });
  if (typeof o === 'number') return o;
  const operands = [...o.operands];
  const pieces: string[] = [];
  for (const [k, v] of o.list) {
    if (k === 'e' && typeof v === 'string') pieces.push(v);
    if (k === 'f' && typeof v === 'string') {
      try {
        pieces.push(toText(readPath(ctx, v)).replace(/\n$/, ''));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        ctx.stderr(`sed: can't open '${v}': ${strerror(e.code)}\n`);
        return 1;
      }
    }
  }
  if (pieces.length === 0) {
    const first = operands.shift();
    if (first === undefined) return showUsage(ctx, 'sed');
    pieces.push(first);
  }
  const script = new Script(o.has('r') || o.has('E'));
  try {
    script.parse(pieces.join('\n'));
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    ctx.stderr(`sed: ${e.message}\n`);
    return 1;
  }
  const inPlace = o.list.some(([k]) => k === 'i');
  let status = 0;
  const process = (text: string): { out: string; quit: number | null } => {
    const lines = text.split('\n');
    const trailing = text.endsWith('\n');
    if (trailing || text === '') lines.pop();
    const r = new Runner(ctx, script.cmds, o.has('n'));
    try {
      r.run(lines);
    } catch (e) {
      if (!(e instanceof SedError)) throw e;
      ctx.stderr(`sed: ${e.message}\n`);
      status = 1;
    }
    let out = r.out.join('');
    if (!trailing && out.endsWith('\n') && lines.length > 0) out = out.slice(0, -1);
    return { out, quit: r.quit };
  };
  if (inPlace) {
    for (const f of operands) {
      try {
        const { out } = process(toText(readPath(ctx, f)));
        ctx.fs.writeFile(abs(ctx, f), toBytes(out));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        ctx.stderr(`sed: can't open '${f}': ${strerror(e.code)}\n`);
        status = 4;
      }
    }
    return status;
  }
  let text = '';
  for (const f of operands.length === 0 ? ['-'] : operands) {
    if (f === '-') text += toText(stdinToEof(ctx));
    else {
      try {
        text += toText(readPath(ctx, f));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        ctx.stderr(`sed: ${f}: ${strerror(e.code)}\n`);
        status = 1;
      }
    }
  }
  const { out, quit } = process(text);
  ctx.stdout(out);
  return quit ?? status;
};
