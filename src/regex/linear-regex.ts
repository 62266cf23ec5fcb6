// Regular expressions matched in time linear in the text (a Pike VM: Thompson's NFA simulation with
// submatches, as RE2 and Go's regexp run it), for patterns that come from untrusted input: a student's
// `grep -E '^(a+)+$'` or a scenario's `matches:`. JavaScript's RegExp backtracks, so such a pattern on 48
// characters runs for hours on the one thread that should stop it. Threads are kept in priority order, so the
// match found is the one a backtracking matcher finds first (leftmost, then by JavaScript's preference among
// alternatives and repetitions): results are those of RegExp, only never slow. For POSIX patterns (busybox's
// grep, sed, expr) the threads of the leftmost start run on after a match and the longest wins, with glibc's
// registers (linear-compile.ts; docs/posix-regex.md).

import { Compiler, type Inst } from './linear-compile.js';
import { parseRegex, Unsupported } from './parse.js';

export { RegexSyntaxError, Unsupported } from './parse.js';

/** A thread: where it is in the program, and its capture positions (shared until one changes). */
interface Thread {
  pc: number;
  caps: Int32Array;
}

/**
 * A compiled pattern with the part of RegExp's interface the simulator and the checks use: `exec` and `test`,
 * honouring `lastIndex` under the g flag. `exec` gives a RegExpExecArray-shaped array.
 */
export class LinearRegExp {
  readonly global: boolean;
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  lastIndex = 0;
  private readonly prog: Inst[];
  private readonly slots: number;
  /** the groups' slots and the repetitions' */
  private readonly allSlots: number;
  /** where a POSIX thread's copy of the registers at the last non-empty group starts */
  private readonly prev: number;
  private readonly names: Map<string, number>;
  /** per-instruction mark of the step it was last added in (dedupes threads) */
  private readonly seen: Int32Array;

  /** POSIX's leftmost-longest match with glibc's captures (grep, sed, expr), instead of RegExp's first */
  private readonly longest: boolean;

  constructor(
    readonly source: string,
    readonly flags = '',
    preference: 'first' | 'longest' = 'first',
  ) {
    if (/[^gims]/.test(flags)) throw new Unsupported(`flags ${flags}`);
    if (flags.includes('y')) throw new Unsupported('sticky');
    this.global = flags.includes('g');
    this.ignoreCase = flags.includes('i');
    this.multiline = flags.includes('m');
    const parsed = parseRegex(source);
    this.longest = preference === 'longest';
    const c = new Compiler((parsed.groups + 1) * 2, { icase: this.ignoreCase, multiline: this.multiline, dotAll: flags.includes('s') }, this.longest);
    c.compile({ t: 'group', cap: 0, node: parsed.node });
    c.prog.push({ op: 'match' });
    this.prog = c.prog;
    this.slots = (parsed.groups + 1) * 2;
    // POSIX threads also carry glibc's prev_idx_match: the registers as the last non-empty group left them
    this.prev = this.slots + c.extra;
    this.allSlots = this.prev + (this.longest ? this.slots : 0);
    this.names = parsed.names;
    this.seen = new Int32Array(this.prog.length).fill(-1);
  }

  test(text: string): boolean {
    return this.exec(text) !== null;
  }

  exec(text: string): RegExpExecArray | null {
    const from = this.global ? this.lastIndex : 0;
    if (from > text.length) {
      this.lastIndex = 0;
      return null;
    }
    const caps = this.run(text, from);
    if (!caps) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    const out: string[] = [];
    for (let g = 0; g < this.slots / 2; g++) {
      const s = caps[g * 2] as number;
      const e = caps[g * 2 + 1] as number;
      out.push(s >= 0 && e >= 0 ? text.slice(s, e) : (undefined as unknown as string));
    }
    const m = out as RegExpExecArray;
    m.index = caps[0] as number;
    m.input = text;
    let groups: Record<string, string> | undefined;
    if (this.names.size > 0) {
      groups = {};
      for (const [name, n] of this.names) groups[name] = out[n] as string;
    }
    m.groups = groups;
    if (this.global) this.lastIndex = caps[1] as number;
    return m;
  }

  /** The capture positions of the first match at or after `from`, or undefined. */
  private run(text: string, from: number): Int32Array | undefined {
    const prog = this.prog;
    let clist: Thread[] = [];
    let nlist: Thread[] = [];
    let matched: Int32Array | undefined;
    let step = 0;
    const seen = this.seen;
    seen.fill(-1);
    step = 0;
    // Adds a thread and everything it reaches without consuming a character, in priority order.
    const add = (list: Thread[], pc0: number, caps0: Int32Array, at: number): void => {
      const stack: Thread[] = [{ pc: pc0, caps: caps0 }];
      while (stack.length > 0) {
        const { pc, caps } = stack.pop() as Thread;
        if (seen[pc] === step) continue;
        seen[pc] = step;
        const inst = prog[pc] as Inst;
        switch (inst.op) {
          case 'jmp':
            stack.push({ pc: inst.x, caps });
            break;
          case 'split':
            stack.push({ pc: inst.y, caps }, { pc: inst.x, caps });
            break;
          case 'save': {
            const copy = caps.slice();
            copy[inst.n] = at;
            stack.push({ pc: pc + 1, caps: copy });
            break;
          }
          case 'assert':
            if (inst.test(text, at)) stack.push({ pc: pc + 1, caps });
            break;
          case 'iter': {
            const copy = caps.slice();
            for (const n of inst.clear) copy[n] = -1;
            copy[inst.k] = at;
            stack.push({ pc: pc + 1, caps: copy });
            break;
          }
          case 'nonempty':
            if (caps[inst.k] !== at) stack.push({ pc: pc + 1, caps });
            break;
          case 'piter': {
            const copy = caps.slice();
            copy[inst.k] = at;
            stack.push({ pc: pc + 1, caps: copy });
            break;
          }
          case 'ploop':
            stack.push({ pc: caps[inst.k] !== at ? pc + 1 : inst.exit, caps });
            break;
          case 'open': {
            const copy = caps.slice();
            copy[inst.n * 2] = at;
            copy[inst.n * 2 + 1] = -1;
            stack.push({ pc: pc + 1, caps: copy });
            break;
          }
          case 'close': {
            const copy = caps.slice();
            const prev = this.prev;
            if ((caps[inst.n * 2] as number) < at) {
              copy[inst.n * 2 + 1] = at;
              copy.copyWithin(prev + 2, 2, this.slots); // the registers of the last non-empty group
            } else if (inst.opt && (caps[prev + inst.n * 2] as number) !== -1) copy.copyWithin(2, prev + 2, prev + this.slots);
            else copy[inst.n * 2 + 1] = at;
            stack.push({ pc: pc + 1, caps: copy });
            break;
          }
          default:
            list.push({ pc, caps });
        }
      }
    };
    const empty = new Int32Array(this.allSlots).fill(-1);
    add(clist, 0, empty, from);
    const longest = this.longest;
    for (let at = from; clist.length > 0 || !matched; at++) {
      step++;
      const c = at < text.length ? text.charCodeAt(at) : -1;
      for (const t of clist) {
        const inst = prog[t.pc] as Inst;
        if (longest && matched && (t.caps[0] as number) > (matched[0] as number)) continue; // starts right of a match
        if (inst.op === 'match') {
          if (!longest) {
            matched = t.caps;
            break; // the threads after this one have lower priority: this match wins over them
          }
          // POSIX: the leftmost match, then the longest; of equally long ones the first in order of preference
          if (!matched || (t.caps[0] as number) < (matched[0] as number) || (t.caps[0] === matched[0] && (t.caps[1] as number) > (matched[1] as number))) matched = t.caps;
          continue;
        }
        if (c >= 0 && inst.op === 'char' && inst.test(c)) add(nlist, t.pc + 1, t.caps, at + 1);
      }
      if (c < 0) break;
      // a match starting further on is the last choice (leftmost wins), and none is tried once one is found
      if (!matched) add(nlist, 0, empty, at + 1);
      clist = nlist;
      nlist = [];
    }
    return matched;
  }
}
