// A backtracking matcher that counts its steps, for the patterns the linear matcher cannot run: back-references
// (`grep '\(.\)\1'`, `sed -E 's/(a+)\1/x/'`, a scenario's `matches: '(\w+) \1'`) and lookarounds longer than one
// character. Backtracking can take exponential time; unlike RegExp, this matcher stops when the hook of
// steps.ts says so (the simulator's step budget and time limit), or at a fixed count of steps without a hook.
//
// Two orders of preference. `first` is JavaScript's: the first match a backtracking RegExp finds (for
// `matches:`, whose patterns are JavaScript's). `longest` is POSIX's as glibc's regexec gives it to busybox's
// grep, sed and expr: the leftmost match, and of those the longest; among equally long ones the first in that
// same order of preference. glibc's captures differ from JavaScript's, as kept here: a group inside a
// repetition keeps its value from an earlier iteration (JavaScript clears it at each iteration); a
// back-reference to a group that took no part in the match fails (JavaScript's matches the empty string); a
// repetition may end with one empty iteration, and a group's empty match in the first optional copy of a
// repetition gives back the registers of the last non-empty group (glibc's update_regs, via the `close` op);
// X{m,n} nests its copies as glibc's parse_dup_op does (backtrack-compile.ts's posixRepetition).

import { Compiler, type Inst, type Preference } from './backtrack-compile.js';
import { canonical } from './charset.js';
import { parseRegex, Unsupported } from './parse.js';
import { currentStepHook, RegexStepLimitExceeded, STEP_CHUNK, UNHOOKED_STEP_LIMIT } from './steps.js';

/** The steps of one exec, shared by the lookarounds it runs, and the hook that may stop them. */
class StepCounter {
  /** steps left before the next call of chunk(): the matcher's loop decrements it itself */
  left = STEP_CHUNK;
  private total = 0;
  private readonly hook = currentStepHook();
  constructor(private readonly source: string) {}

  charge(n: number): void {
    this.left -= n;
    if (this.left <= 0) this.chunk();
  }

  /** A chunk of steps is spent: the hook, or the limit without one, may stop the match. */
  chunk(): void {
    this.total += STEP_CHUNK - this.left;
    this.left = STEP_CHUNK;
    if (this.hook) this.hook();
    else if (this.total > UNHOOKED_STEP_LIMIT) throw new RegexStepLimitExceeded(this.source);
  }
}

/** A pattern compiled for backtracking, with exec's part of RegExp's interface (see LinearRegExp). */
export class BacktrackRegExp {
  readonly global: boolean;
  readonly sticky: boolean;
  readonly ignoreCase: boolean;
  lastIndex = 0;
  private readonly prog: Inst[];
  private readonly slots: number;
  private readonly allSlots: number;
  private readonly names: Map<string, number>;
  private readonly anchored: boolean;

  constructor(
    readonly source: string,
    readonly flags = '',
    readonly preference: Preference = 'first',
  ) {
    if (/[^dgimsy]/.test(flags)) throw new Unsupported(`flags ${flags}`);
    this.global = flags.includes('g');
    this.sticky = flags.includes('y');
    this.ignoreCase = flags.includes('i');
    const multiline = flags.includes('m');
    const parsed = parseRegex(source, true);
    const c = new Compiler((parsed.groups + 1) * 2, { icase: this.ignoreCase, multiline, dotAll: flags.includes('s') }, preference);
    this.prog = c.program({ t: 'group', cap: 0, node: parsed.node }, [{ op: 'match' }]);
    this.slots = (parsed.groups + 1) * 2;
    this.allSlots = c.next;
    this.names = parsed.names;
    const head = parsed.node.t === 'cat' ? parsed.node.items[0] : parsed.node;
    this.anchored = !multiline && head?.t === 'bol';
  }

  test(text: string): boolean {
    return this.exec(text) !== null;
  }

  exec(text: string): RegExpExecArray | null {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const caps = from > text.length ? undefined : this.search(text, from);
    if (!caps) {
      if (this.global || this.sticky) this.lastIndex = 0;
      return null;
    }
    const out: (string | undefined)[] = [];
    for (let g = 0; g < this.slots / 2; g++) {
      const s = caps[g * 2] as number;
      const e = caps[g * 2 + 1] as number;
      out.push(s >= 0 && e >= 0 ? text.slice(s, e) : undefined);
    }
    const m = out as RegExpExecArray;
    m.index = caps[0] as number;
    m.input = text;
    let groups: Record<string, string | undefined> | undefined;
    if (this.names.size > 0) {
      groups = {};
      for (const [name, n] of this.names) groups[name] = out[n];
    }
    m.groups = groups as Record<string, string> | undefined;
    if (this.global || this.sticky) this.lastIndex = caps[1] as number;
    return m;
  }

  private search(text: string, from: number): Int32Array | undefined {
    const steps = new StepCounter(this.source);
    const last = this.sticky ? from : this.anchored ? Math.min(from, 0) : text.length;
    for (let start = from; start <= last; start++) {
      const caps = new Int32Array(this.allSlots).fill(-1);
      const found = run(this.prog, text, start, caps, this.preference, this.ignoreCase, steps, -1);
      if (found) return found;
    }
    return undefined;
  }
}

/**
 * Runs `prog` from `at` with captures `caps` (changed in place as it goes); returns the captures of the match
 * it prefers, or undefined. `target` is where a lookbehind's body must end (-1 elsewhere).
 */
function run(prog: Inst[], text: string, at: number, caps: Int32Array, pref: Preference, icase: boolean, steps: StepCounter, target: number): Int32Array | undefined {
  // the backtrack stack, three numbers a frame: [0, pc, pos] a choice to try, [1, slot, value] a capture to restore
  const stack: number[] = [0, 0, at];
  let best: Int32Array | undefined;
  let bestEnd = -1;
  const n = text.length;
  const set = (slot: number, value: number) => {
    stack.push(1, slot, caps[slot] as number);
    caps[slot] = value;
  };
  while (stack.length > 0) {
    const b = stack.pop() as number;
    const a = stack.pop() as number;
    const kind = stack.pop() as number;
    if (kind === 1) {
      caps[a] = b;
      continue;
    }
    let pc = a;
    let pos = b;
    thread: for (;;) {
      if (--steps.left <= 0) steps.chunk();
      const inst = prog[pc] as Inst;
      switch (inst.op) {
        case 'char':
          if (pos >= n || !inst.test(text.charCodeAt(pos))) break thread;
          pos++;
          pc++;
          continue;
        case 'split':
          stack.push(0, inst.y, pos);
          pc = inst.x;
          continue;
        case 'jmp':
          pc = inst.x;
          continue;
        case 'save':
          set(inst.n, pos);
          pc++;
          continue;
        case 'assert':
          if (!inst.test(text, pos)) break thread;
          pc++;
          continue;
        case 'iter':
          set(inst.k, pos);
          inst.groups.forEach((g, j) => {
            if (pref === 'first') {
              set(g * 2, -1);
              set(g * 2 + 1, -1);
            } else {
              set(inst.shadow + j * 2, caps[g * 2] as number);
              set(inst.shadow + j * 2 + 1, caps[g * 2 + 1] as number);
            }
          });
          pc++;
          continue;
        case 'loopend':
          if (caps[inst.k] !== pos) {
            pc++;
            continue;
          }
          if (pref === 'first') break thread;
          // glibc: an empty iteration ends the repetition, and counts for a group only if it is the group's first match
          inst.groups.forEach((g, j) => {
            if ((caps[inst.shadow + j * 2] as number) >= 0) {
              set(g * 2, caps[inst.shadow + j * 2] as number);
              set(g * 2 + 1, caps[inst.shadow + j * 2 + 1] as number);
            }
          });
          pc = inst.exit;
          continue;
        case 'open':
          set(inst.n * 2, pos);
          set(inst.n * 2 + 1, -1);
          pc++;
          continue;
        case 'close': {
          // glibc's update_regs: a non-empty match is kept (and copied); an empty one in a marked copy gives back the copy
          const p = inst.prev;
          if ((caps[inst.n * 2] as number) < pos) {
            set(inst.n * 2 + 1, pos);
            for (let s = 2; s < p; s++) if (caps[p + s] !== caps[s]) set(p + s, caps[s] as number);
          } else if (inst.opt && (caps[p + inst.n * 2] as number) !== -1) {
            for (let s = 2; s < p; s++) if (caps[s] !== caps[p + s]) set(s, caps[p + s] as number);
          } else set(inst.n * 2 + 1, pos);
          pc++;
          continue;
        }
        case 'backref': {
          const s = caps[inst.n * 2] as number;
          const e = caps[inst.n * 2 + 1] as number;
          if (s < 0 || e < 0) {
            if (pref === 'longest') break thread;
            pc++;
            continue;
          }
          const len = e - s;
          if (pos + len > n) break thread;
          steps.charge(len);
          for (let j = 0; j < len; j++) {
            const x = text.charCodeAt(s + j);
            const y = text.charCodeAt(pos + j);
            if (x !== y && !(icase && canonical(x) === canonical(y))) break thread;
          }
          pos += len;
          pc++;
          continue;
        }
        case 'look': {
          const inner = lookaround(inst, text, pos, caps, icase, steps);
          if (inner === undefined) break thread;
          for (let s = 0; s < caps.length; s++) if (inner[s] !== caps[s]) set(s, inner[s] as number);
          pc++;
          continue;
        }
        case 'at':
          if (pos !== target) break thread;
          pc++;
          continue;
        case 'match':
          if (pref === 'first') return caps.slice();
          if (pos > bestEnd) {
            bestEnd = pos;
            best = caps.slice();
            if (pos === n) return best; // nothing can be longer
          }
          break thread;
      }
    }
  }
  return best;
}

/** A lookaround at `pos`: the captures it leaves (the current ones for a negative one), or undefined when it fails. */
function lookaround(inst: Extract<Inst, { op: 'look' }>, text: string, pos: number, caps: Int32Array, icase: boolean, steps: StepCounter): Int32Array | undefined {
  let found: Int32Array | undefined;
  if (!inst.behind) found = run(inst.prog, text, pos, caps.slice(), 'first', icase, steps, -1);
  else {
    // the body must end exactly at pos; the longest body first, as RegExp's backward greedy match prefers
    const lo = inst.maxLen === Infinity ? 0 : Math.max(0, pos - inst.maxLen);
    for (let start = lo; start <= pos - inst.minLen && !found; start++) found = run(inst.prog, text, start, caps.slice(), 'first', icase, steps, pos);
  }
  if (inst.negate) return found ? undefined : caps;
  return found;
}
