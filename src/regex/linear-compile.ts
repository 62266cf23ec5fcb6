// The linear matcher's compiler (see linear-regex.ts): a parsed pattern becomes a Pike VM program, in
// JavaScript's order of preference or, for POSIX patterns, built as glibc's regcomp builds it.

import { isLineEnd, isWord, setTest } from './charset.js';
import { Unsupported, type Node } from './parse.js';
import { groupsIn } from './groups-in.js';

/** One instruction of the Pike VM. */
export type Inst =
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

/** Compiles a parsed pattern into `prog`; `extra` counts the slots past the groups' own that it used. */
export class Compiler {
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
        const clear = groupsIn(node.node).flatMap((n) => [n * 2, n * 2 + 1]);
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
