// The backtracking matcher's compiler (see backtrack.ts): a parsed pattern becomes a program of instructions,
// with the widths lookbehinds need and the slots repetitions keep their captures in.

import { isLineEnd, isWord, setTest } from './charset.js';
import { Unsupported, type Node } from './parse.js';
import { groupsIn } from './groups-in.js';

/** Which match wins: JavaScript's first, or POSIX's leftmost-longest. */
export type Preference = 'first' | 'longest';

export type Inst =
  | { op: 'char'; test: (c: number) => boolean }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; x: number }
  | { op: 'save'; n: number }
  | { op: 'assert'; test: (s: string, i: number) => boolean }
  /** an iteration of a repetition starts: slot k notes where; `first` clears the groups inside (`longest` lists none) */
  | { op: 'iter'; groups: number[]; k: number; shadow: number }
  /** an optional iteration ended: `first` fails it when empty; `longest` leaves the repetition (to `exit`), as glibc's eps_via_nodes does */
  | { op: 'loopend'; k: number; exit: number; groups: number[]; shadow: number }
  /** POSIX (glibc): a group opens, its end unset until it closes */
  | { op: 'open'; n: number }
  /** POSIX (glibc's update_regs): a group closes; `opt` marks the first optional copy of a repeated group; registers' copy at `prev` */
  | { op: 'close'; n: number; opt: boolean; prev: number }
  | { op: 'backref'; n: number }
  | { op: 'look'; behind: boolean; negate: boolean; prog: Inst[]; minLen: number; maxLen: number }
  /** the end of a lookbehind's body: only where the lookbehind started */
  | { op: 'at' }
  | { op: 'match' };

const MAX_PROGRAM = 100_000;

/** The shortest and longest text `node` can match (Infinity when unbounded, or when a back-reference makes it unknown). */
function widths(node: Node): [number, number] {
  switch (node.t) {
    case 'char':
    case 'any':
      return [1, 1];
    case 'cat':
      return node.items.map(widths).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
    case 'alt': {
      const all = node.alts.map(widths);
      return [Math.min(...all.map((w) => w[0])), Math.max(...all.map((w) => w[1]))];
    }
    case 'group':
      return widths(node.node);
    case 'rep': {
      const [lo, hi] = widths(node.node);
      return [lo * node.min, hi === 0 ? 0 : hi * node.max];
    }
    case 'backref':
      return [0, Infinity];
    default:
      return [0, 0];
  }
}

export interface Flags {
  icase: boolean;
  multiline: boolean;
  dotAll: boolean;
}

export class Compiler {
  /** the next free slot past the groups' own (repetition starts and shadow copies) */
  next: number;
  /** POSIX: where a thread's copy of the registers at the last non-empty group starts (glibc's prev_idx_match) */
  readonly prev: number;
  /** POSIX: the group that is the first optional copy of a repetition (glibc's opt_subexp), while it is compiled */
  private optional: Node | undefined;
  /** POSIX: inside a copy glibc duplicated, where the groups' own marks are gone */
  private duplicate = false;
  constructor(
    groupSlots: number,
    private readonly flags: Flags,
    private readonly pref: Preference,
  ) {
    this.prev = groupSlots;
    this.next = pref === 'longest' ? groupSlots * 2 : groupSlots;
  }

  program(node: Node, end: Inst[]): Inst[] {
    const prog: Inst[] = [];
    this.compile(prog, node);
    prog.push(...end);
    return prog;
  }

  private emit(prog: Inst[], inst: Inst): number {
    if (prog.length >= MAX_PROGRAM) throw new Unsupported('pattern too large');
    prog.push(inst);
    return prog.length - 1;
  }

  private compile(prog: Inst[], node: Node): void {
    const f = this.flags;
    switch (node.t) {
      case 'empty':
        return;
      case 'char':
        this.emit(prog, { op: 'char', test: setTest(node.set, f.icase) });
        return;
      case 'any':
        this.emit(prog, { op: 'char', test: f.dotAll ? () => true : (c) => !isLineEnd(c) });
        return;
      case 'cat':
        for (const n of node.items) this.compile(prog, n);
        return;
      case 'alt': {
        const jumps: number[] = [];
        node.alts.forEach((alt, k) => {
          if (k === node.alts.length - 1) return this.compile(prog, alt);
          const split = this.emit(prog, { op: 'split', x: prog.length + 1, y: 0 });
          this.compile(prog, alt);
          jumps.push(this.emit(prog, { op: 'jmp', x: 0 }));
          (prog[split] as { y: number }).y = prog.length;
        });
        for (const j of jumps) (prog[j] as { x: number }).x = prog.length;
        return;
      }
      case 'group':
        if (node.cap === undefined) return this.compile(prog, node.node);
        if (this.pref === 'longest' && node.cap > 0) {
          const opt = this.optional === node;
          this.optional = undefined;
          this.emit(prog, { op: 'open', n: node.cap });
          this.compile(prog, node.node);
          this.emit(prog, { op: 'close', n: node.cap, opt, prev: this.prev });
          return;
        }
        this.emit(prog, { op: 'save', n: node.cap * 2 });
        this.compile(prog, node.node);
        this.emit(prog, { op: 'save', n: node.cap * 2 + 1 });
        return;
      case 'rep':
        return this.repetition(prog, node);
      case 'bol':
        this.emit(prog, { op: 'assert', test: f.multiline ? (s, i) => i === 0 || isLineEnd(s.charCodeAt(i - 1)) : (_s, i) => i === 0 });
        return;
      case 'eol':
        this.emit(prog, { op: 'assert', test: f.multiline ? (s, i) => i === s.length || isLineEnd(s.charCodeAt(i)) : (s, i) => i === s.length });
        return;
      case 'word': {
        const negate = node.negate;
        const test = (s: string, i: number) => (i > 0 && isWord(s.charCodeAt(i - 1))) !== (i < s.length && isWord(s.charCodeAt(i))) !== negate;
        this.emit(prog, { op: 'assert', test });
        return;
      }
      case 'look': {
        const test = setTest(node.set, f.icase);
        const { behind, negate } = node;
        this.emit(prog, {
          op: 'assert',
          test: (s, i) => {
            const at = behind ? i - 1 : i;
            return (at >= 0 && at < s.length && test(s.charCodeAt(at))) !== negate;
          },
        });
        return;
      }
      case 'lookx': {
        const [minLen, maxLen] = widths(node.node);
        const body = this.program(node.node, node.behind ? [{ op: 'at' }, { op: 'match' }] : [{ op: 'match' }]);
        this.emit(prog, { op: 'look', behind: node.behind, negate: node.negate, prog: body, minLen, maxLen });
        return;
      }
      case 'backref':
        this.emit(prog, { op: 'backref', n: node.n });
        return;
    }
  }

  private repetition(prog: Inst[], node: Extract<Node, { t: 'rep' }>): void {
    if (this.pref === 'longest') return this.posixRepetition(prog, node);
    const groups = groupsIn(node.node);
    const k = this.next++;
    const shadow = this.next;
    const mandatory = () => {
      if (groups.length > 0) this.emit(prog, { op: 'iter', groups, k, shadow });
      this.compile(prog, node.node);
    };
    const optional = (): number => {
      this.emit(prog, { op: 'iter', groups, k, shadow });
      this.compile(prog, node.node);
      return this.emit(prog, { op: 'loopend', k, exit: 0, groups, shadow });
    };
    const greedy = (split: number, body: number, out: number) => {
      prog[split] = node.greedy ? { op: 'split', x: body, y: out } : { op: 'split', x: out, y: body };
    };
    for (let n = 0; n < node.min; n++) mandatory();
    const ends: number[] = [];
    if (node.max === Infinity) {
      const split = this.emit(prog, { op: 'split', x: 0, y: 0 });
      ends.push(optional());
      this.emit(prog, { op: 'jmp', x: split });
      greedy(split, split + 1, prog.length);
    } else {
      const splits: number[] = [];
      for (let n = node.min; n < node.max; n++) {
        splits.push(this.emit(prog, { op: 'split', x: 0, y: 0 }));
        ends.push(optional());
      }
      for (const s of splits) greedy(s, s + 1, prog.length);
    }
    for (const e of ends) (prog[e] as { exit: number }).exit = prog.length;
  }

  /** A repetition as glibc's regcomp builds it (see linear-regex.ts's posixRepetition, which this mirrors). */
  private posixRepetition(prog: Inst[], node: Extract<Node, { t: 'rep' }>): void {
    const enclosingDuplicate = this.duplicate;
    const copy = (marked: boolean, duplicate: boolean) => {
      const saved = [this.optional, this.duplicate] as const;
      this.optional = marked && !enclosingDuplicate ? node.node : undefined;
      this.duplicate = enclosingDuplicate || duplicate;
      this.compile(prog, node.node);
      [this.optional, this.duplicate] = saved;
    };
    const greedy = (split: number, body: number, out: number) => {
      prog[split] = node.greedy ? { op: 'split', x: body, y: out } : { op: 'split', x: out, y: body };
    };
    for (let n = 0; n < node.min; n++) copy(false, n > 0);
    if (node.max === Infinity) {
      const k = this.next++;
      const split = this.emit(prog, { op: 'split', x: 0, y: 0 });
      this.emit(prog, { op: 'iter', groups: [], k, shadow: 0 });
      copy(true, node.min > 0);
      const end = this.emit(prog, { op: 'loopend', k, exit: 0, groups: [], shadow: 0 });
      this.emit(prog, { op: 'jmp', x: split });
      greedy(split, split + 1, prog.length);
      (prog[end] as { exit: number }).exit = prog.length;
      return;
    }
    const splits: number[] = [];
    for (let n = node.min; n < node.max; n++) splits.unshift(this.emit(prog, { op: 'split', x: 0, y: 0 }));
    splits.forEach((split, i) => {
      copy(i === 0, node.min > 0 || i > 0);
      greedy(split, split + 1, prog.length);
    });
  }
}
