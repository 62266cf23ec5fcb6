// Random small POSIX patterns (an ERE and a BRE written from one tree) and runners of sed on the real busybox
// and on the simulated one, for posix-differential.test.ts and scripts that count differences by kind.

import { spawnSync } from 'node:child_process';
import { StepBudgetExceeded } from '../../src/engine/sim/shell/process.js';
import { runArgv } from '../engine/sim/shell/helpers.js';
import { Rng } from '../../src/cli/fuzz-diff/rng.js';

/** The real busybox-static (glibc's regcomp/regexec linked in). */
export const BUSYBOX = '/bin/busybox';

/** The project's seeded generator (mulberry32), so a failure can be replayed. */
export function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

/** A pattern as a tree, so one random pattern can be written in both ERE and BRE syntax. */
type Re =
  | { t: 'lit'; s: string }
  | { t: 'group'; n: number; body: Re }
  | { t: 'alt'; alts: Re[] }
  | { t: 'cat'; items: Re[] }
  | { t: 'rep'; body: Re; q: string }
  | { t: 'ref'; n: number }
  | { t: 'anchor'; s: '^' | '$' };

/** What the generator may use. */
export interface PatternKinds {
  /** back-references to groups already closed */
  refs: boolean;
  /** `^` and `$` at the ends of branches, groups' included */
  anchors: boolean;
  /** a repeated group that can match the empty string (`(a*)*`, `(b|c?){2}`), and references to repeated groups */
  emptyLoops: boolean;
}

/** The shortest text a tree can match is empty. */
function nullable(re: Re): boolean {
  switch (re.t) {
    case 'lit':
      return false;
    case 'anchor':
      return true;
    case 'ref':
      return true;
    case 'group':
      return nullable(re.body);
    case 'alt':
      return re.alts.some(nullable);
    case 'cat':
      return re.items.every(nullable);
    case 'rep':
      return re.q === '*' || re.q === '?' || re.q.startsWith('{0') || nullable(re.body);
  }
}

class Gen {
  groups = 0;
  private closed: number[] = [];
  /** groups inside a repeated atom */
  private readonly repeated = new Set<number>();
  constructor(
    private readonly rnd: () => number,
    private readonly kinds: PatternKinds,
  ) {}

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)] as T;
  }

  expr(depth: number): Re {
    const branches = [this.branch(depth)];
    while (depth < 3 && this.rnd() < 0.3 && branches.length < 3) branches.push(this.branch(depth));
    return branches.length === 1 ? (branches[0] as Re) : { t: 'alt', alts: branches };
  }

  private branch(depth: number): Re {
    const items: Re[] = [];
    if (this.kinds.anchors && this.rnd() < 0.08) items.push({ t: 'anchor', s: '^' });
    for (let i = 0, n = 1 + Math.floor(this.rnd() * 3); i < n; i++) items.push(this.piece(depth));
    if (this.kinds.anchors && this.rnd() < 0.08) items.push({ t: 'anchor', s: '$' });
    return items.length === 1 ? (items[0] as Re) : { t: 'cat', items };
  }

  private piece(depth: number): Re {
    const before = this.groups;
    const atom = this.atom(depth);
    if (atom.t === 'ref') return atom;
    const q = this.pick(['', '', '', '*', '*', '+', '?', '{0,2}', '{2}', '{1,}', '{0,1}']);
    if (q === '' || (!this.kinds.emptyLoops && atom.t === 'group' && nullable(atom))) return atom;
    for (let n = before + 1; n <= this.groups; n++) this.repeated.add(n);
    return { t: 'rep', body: atom, q };
  }

  private atom(depth: number): Re {
    const r = this.rnd();
    if (depth < 3 && r < 0.35) {
      const n = ++this.groups;
      const body = this.expr(depth + 1);
      this.closed.push(n);
      return { t: 'group', n, body };
    }
    // without emptyLoops, a reference is to a group outside any repetition: which copy's value a reference to
    // a repeated group sees is where glibc's back-tracking of references has rules of its own
    const targets = this.kinds.emptyLoops ? this.closed : this.closed.filter((n) => !this.repeated.has(n));
    if (this.kinds.refs && targets.length > 0 && r < 0.5) return { t: 'ref', n: this.pick(targets) };
    return { t: 'lit', s: this.pick(['a', 'a', 'b', 'b', 'c', '.', '[ab]', '[^a]']) };
  }
}

/** The pattern in ERE (`extended`) or BRE syntax (with glibc's \| \+ \? in BREs). */
function write(re: Re, extended: boolean): string {
  const bs = extended ? '' : '\\';
  switch (re.t) {
    case 'lit':
    case 'anchor':
      return re.s;
    case 'ref':
      return `\\${re.n}`;
    case 'group':
      return `${bs}(${write(re.body, extended)}${bs})`;
    case 'alt':
      return re.alts.map((a) => write(a, extended)).join(`${bs}|`);
    case 'cat':
      return re.items.map((a) => write(a, extended)).join('');
    case 'rep': {
      const q = re.q === '*' || extended ? re.q : re.q.startsWith('{') ? `\\{${re.q.slice(1, -1)}\\}` : `\\${re.q}`;
      return write(re.body, extended) + q;
    }
  }
}

/** One comparison: sed's arguments and the subjects (lines) it runs on. */
export interface Trial {
  args: string[];
  input: string;
}

/** `count` trials from `seed`: every other one a BRE, a quarter with the g flag, six subjects over a, b, c each. */
export function trials(seed: number, count: number, kinds: PatternKinds): Trial[] {
  const rnd = random(seed);
  const out: Trial[] = [];
  for (let k = 0; k < count; k++) {
    const gen = new Gen(rnd, kinds);
    const re = gen.expr(0);
    const extended = k % 2 === 0;
    const groups = Math.min(gen.groups, 9);
    const replacement = ['<&>', ...Array.from({ length: groups }, (_, g) => `\\${g + 1}`)].join('|');
    const subjects = Array.from({ length: 6 }, () => Array.from({ length: Math.floor(rnd() * 9) }, () => 'abc'[Math.floor(rnd() * 3)]).join(''));
    const flag = rnd() < 0.25 ? 'g' : '';
    out.push({ args: [...(extended ? ['-E'] : []), `s/${write(re, extended)}/[${replacement}]/${flag}`], input: `${subjects.join('\n')}\n` });
  }
  return out;
}

/** The real busybox's sed on a trial: its output, errors and exit status. */
export function real(trial: Trial): string {
  const r = spawnSync(BUSYBOX, ['sed', ...trial.args], { input: trial.input, timeout: 20_000 });
  return `${r.stdout.toString()}${r.stderr.toString()}rc ${r.status}`;
}

/** The simulated busybox's sed on the same trial; undefined when it ran past the step budget (a backtracking reference). */
export function simulated(trial: Trial): string | undefined {
  try {
    const r = runArgv(['/bin/busybox', 'sed', ...trial.args], { stdin: trial.input, steps: 1_000_000 });
    return `${r.stdout}${r.stderr}rc ${r.status}`;
  } catch (e) {
    if (e instanceof StepBudgetExceeded) return undefined;
    throw e;
  }
}

/** A difference, as a reproducible line and both outputs. */
export function describeDifference(trial: Trial, want: string, got: string): string {
  return `sed ${trial.args.map((a) => `'${a}'`).join(' ')} <<< ${JSON.stringify(trial.input)}\n  busybox:   ${JSON.stringify(want)}\n  simulator: ${JSON.stringify(got)}`;
}
