// Regular expressions matched in time linear in the text (a Pike VM: Thompson's NFA simulation with
// submatches, as RE2 and Go's regexp run it), for patterns that come from untrusted input: a student's
// `grep -E '^(a+)+$'` or a scenario's `matches:`. JavaScript's RegExp backtracks, so such a pattern on 48
// characters runs for hours on the one thread that should stop it. Threads are kept in priority order, so the
// match found is the one a backtracking matcher finds first (leftmost, then by JavaScript's preference among
// alternatives and repetitions): results are those of RegExp, only never slow.

import { parseRegex, Unsupported, type CharSet, type Node } from './parse.js';

export { RegexSyntaxError, Unsupported } from './parse.js';

type Inst =
  | { op: 'char'; test: (c: number) => boolean }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; x: number }
  | { op: 'save'; n: number }
  | { op: 'assert'; test: (s: string, i: number) => boolean }
  /** an iteration of a repetition starts: its groups are reset, and (slot k) where it started is noted */
  | { op: 'iter'; clear: number[]; k: number }
  /** an iteration beyond the minimum that matched nothing fails, as in JavaScript */
  | { op: 'nonempty'; k: number }
  /** POSIX (glibc): an iteration of `*` starts; slot k notes where */
  | { op: 'piter'; k: number }
  /** POSIX (glibc): an iteration of `*` ended; an empty one leaves the repetition (glibc's eps_via_nodes) */
  | { op: 'ploop'; k: number; exit: number }
  /** POSIX (glibc): a group opens (its end is unset until it closes) */
  | { op: 'open'; n: number }
  /** POSIX (glibc's update_regs): a group closes; `opt` marks the first optional copy of a repeated group */
  | { op: 'close'; n: number; opt: boolean }
  | { op: 'match' };

/** Past this many instructions a pattern is refused (a{1000}{1000} would take a million). */
const MAX_PROGRAM = 100_000;

/** A line terminator, for `.`, and `^` `$` under the m flag. */
export const isLineEnd = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
/** A \\w character, for \\b. */
export const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95 || (c >= 97 && c <= 122);

/** Whether code unit `c` is in `set` (backtrack.ts shares it). */
function inSet(set: CharSet, c: number): boolean {
  let found = false;
  for (const [lo, hi] of set.ranges) {
    if (c >= lo && c <= hi) {
      found = true;
      break;
    }
  }
  return found !== set.negate;
}

/** JavaScript's case folding without the u flag: a character matches its upper-case form (one unit only). */
export function canonical(c: number): number {
  const ch = String.fromCharCode(c);
  const up = ch.toUpperCase();
  if (up.length !== 1) return c;
  const u = up.charCodeAt(0);
  return c >= 128 && u < 128 ? c : u;
}

/** The test of one code unit against `set`, folding case as RegExp's i flag does (backtrack.ts shares it). */
export function setTest(set: CharSet, icase: boolean): (c: number) => boolean {
  if (!icase) return (c) => inSet(set, c);
  // A character is in the set when a member folds to the same character; the negation applies after that.
  const positive: CharSet = { ranges: set.ranges, negate: false };
  return (c) => {
    let hit = inSet(positive, c);
    if (!hit) {
      const folded = canonical(c);
      if (folded !== c && inSet(positive, folded)) hit = true;
      else {
        const lower = String.fromCharCode(c).toLowerCase();
        const l = lower.charCodeAt(0);
        hit = lower.length === 1 && l !== c && canonical(l) === folded && inSet(positive, l);
      }
    }
    return hit !== set.negate;
  };
}

/** The capture slots of the groups inside `node`. */
function groupSlots(node: Node, out: number[] = []): number[] {
  switch (node.t) {
    case 'cat':
      node.items.forEach((n) => groupSlots(n, out));
      break;
    case 'alt':
      node.alts.forEach((n) => groupSlots(n, out));
      break;
    case 'group':
      if (node.cap !== undefined) out.push(node.cap * 2, node.cap * 2 + 1);
      groupSlots(node.node, out);
      break;
    case 'rep':
      groupSlots(node.node, out);
      break;
  }
  return out;
}

class Compiler {
  readonly prog: Inst[] = [];
  /** slots past the groups' own, one per repetition, for where its current iteration started */
  extra = 0;
  constructor(
    private readonly groupSlotCount: number,
    private readonly flags: { icase: boolean; multiline: boolean; dotAll: boolean },
    private readonly posix = false,
  ) {}

  private emit(inst: Inst): number {
    if (this.prog.length >= MAX_PROGRAM) throw new Unsupported('pattern too large');
    this.prog.push(inst);
    return this.prog.length - 1;
  }

  compile(node: Node): void {
    const f = this.flags;
    switch (node.t) {
      case 'empty':
        return;
      case 'char':
        this.emit({ op: 'char', test: setTest(node.set, f.icase) });
        return;
      case 'any':
        this.emit({ op: 'char', test: f.dotAll ? () => true : (c) => !isLineEnd(c) });
        return;
      case 'cat':
        for (const n of node.items) this.compile(n);
        return;
      case 'alt': {
        const jumps: number[] = [];
        node.alts.forEach((alt, k) => {
          if (k < node.alts.length - 1) {
            const split = this.emit({ op: 'split', x: 0, y: 0 });
            (this.prog[split] as { x: number }).x = this.prog.length;
            this.compile(alt);
            jumps.push(this.emit({ op: 'jmp', x: 0 }));
            (this.prog[split] as { y: number }).y = this.prog.length;
          } else this.compile(alt);
        });
        for (const j of jumps) (this.prog[j] as { x: number }).x = this.prog.length;
        return;
      }
      case 'group':
        if (node.cap === undefined) {
          this.compile(node.node);
          return;
        }
        if (this.posix && node.cap > 0) {
          const opt = this.optional === node;
          this.optional = undefined; // a mark is the group's own, not its inner groups'
          this.emit({ op: 'open', n: node.cap });
          this.compile(node.node);
          this.emit({ op: 'close', n: node.cap, opt });
          return;
        }
        this.emit({ op: 'save', n: node.cap * 2 });
        this.compile(node.node);
        this.emit({ op: 'save', n: node.cap * 2 + 1 });
        return;
      case 'rep': {
        if (this.posix) return this.posixRepetition(node);
        const clear = groupSlots(node.node);
        const k = this.groupSlotCount + this.extra++;
        const iteration = (optional: boolean) => {
          if (clear.length > 0 || optional) this.emit({ op: 'iter', clear, k });
          this.compile(node.node);
          if (optional) this.emit({ op: 'nonempty', k });
        };
        for (let n = 0; n < node.min; n++) iteration(false);
        if (node.max === Infinity) {
          const split = this.emit({ op: 'split', x: 0, y: 0 });
          const body = this.prog.length;
          iteration(true);
          this.emit({ op: 'jmp', x: split });
          this.setSplit(split, body, this.prog.length, node.greedy);
        } else {
          const splits: number[] = [];
          for (let k = node.min; k < node.max; k++) {
            const split = this.emit({ op: 'split', x: 0, y: 0 });
            splits.push(split);
            const body = this.prog.length;
            iteration(true);
            (this.prog[split] as { x: number }).x = body;
          }
          for (const s of splits) this.setSplit(s, (this.prog[s] as { x: number }).x, this.prog.length, node.greedy);
        }
        return;
      }
      case 'bol':
        this.emit({ op: 'assert', test: f.multiline ? (s, i) => i === 0 || isLineEnd(s.charCodeAt(i - 1)) : (_s, i) => i === 0 });
        return;
      case 'eol':
        this.emit({ op: 'assert', test: f.multiline ? (s, i) => i === s.length || isLineEnd(s.charCodeAt(i)) : (s, i) => i === s.length });
        return;
      case 'word': {
        const negate = node.negate;
        this.emit({
          op: 'assert',
          test: (s, i) => {
            const before = i > 0 && isWord(s.charCodeAt(i - 1));
            const after = i < s.length && isWord(s.charCodeAt(i));
            return (before !== after) !== negate;
          },
        });
        return;
      }
      case 'look': {
        const test = setTest(node.set, f.icase);
        const { behind, negate } = node;
        this.emit({
          op: 'assert',
          test: (s, i) => {
            const at = behind ? i - 1 : i;
            const hit = at >= 0 && at < s.length && test(s.charCodeAt(at));
            return hit !== negate;
          },
        });
        return;
      }
    }
  }

  /** The group that is the first optional copy of a repetition (glibc's opt_subexp), while it is compiled. */
  private optional: Node | undefined;
  /** inside a copy glibc duplicated: the groups' own marks are gone */
  private duplicate = false;

  /**
   * A repetition as glibc's regcomp builds it (parse_dup_op): X{m,n} is m plain copies, then the first optional
   * copy, marked when X is a group (its empty match gives back the registers of the last non-empty one), then
   * the others nested the other way round from JavaScript's, ((X? X)? X)?, so every copy is used before the
   * first ones are longest. X* is one marked copy in a loop that an empty iteration leaves.
   */
  private posixRepetition(node: Extract<Node, { t: 'rep' }>): void {
    // glibc makes the copies after the first with duplicate_tree, which drops the marks of the groups inside
    const enclosingDuplicate = this.duplicate;
    const copy = (marked: boolean, duplicate: boolean) => {
      const saved = [this.optional, this.duplicate] as const;
      this.optional = marked && !enclosingDuplicate ? node.node : undefined;
      this.duplicate = enclosingDuplicate || duplicate;
      this.compile(node.node);
      [this.optional, this.duplicate] = saved;
    };
    for (let n = 0; n < node.min; n++) copy(false, n > 0);
    if (node.max === Infinity) {
      const k = this.groupSlotCount + this.extra++;
      const split = this.emit({ op: 'split', x: 0, y: 0 });
      this.emit({ op: 'piter', k });
      copy(true, node.min > 0);
      const end = this.emit({ op: 'ploop', k, exit: 0 });
      this.emit({ op: 'jmp', x: split });
      this.setSplit(split, split + 1, this.prog.length, node.greedy);
      (this.prog[end] as { exit: number }).exit = this.prog.length;
      return;
    }
    const splits: number[] = [];
    for (let n = node.min; n < node.max; n++) splits.unshift(this.emit({ op: 'split', x: 0, y: 0 }));
    splits.forEach((split, i) => {
      copy(i === 0, node.min > 0 || i > 0);
      this.setSplit(split, split + 1, this.prog.length, node.greedy);
    });
  }

  private setSplit(at: number, body: number, out: number, greedy: boolean): void {
    this.prog[at] = greedy ? { op: 'split', x: body, y: out } : { op: 'split', x: out, y: body };
  }
}

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
