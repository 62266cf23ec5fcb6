// Back-references run on the step-counted backtracking matcher (src/regex/backtrack.ts): JavaScript's results
// for `matches:`, busybox's (glibc's leftmost-longest) for grep, sed, expr and find -regex, and a stop, with a
// plain message, for patterns that backtrack without end, in `drydock docker` and `drydock run` as separate
// processes. Budget: about 20 s on an idle machine (five CLI processes stopped after ~2 s of matching each).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BacktrackRegExp } from '../../src/regex/backtrack.js';
import { isBounded, makePosixRegex, makeRegex } from '../../src/regex/make-regex.js';
import { RegexStepLimitExceeded } from '../../src/regex/steps.js';
import { runMatcher } from '../../src/assertions/matchers.js';
import { createSimEngine } from '../../src/engine/sim/node/create-sim-engine.js';
import { oracleUnavailable, runReal, runSim } from '../engine/sim/shell/oracle.js';
import { BACKREF_CASES } from './backref-cases.js';
import { BACKREF_GOLDEN } from './backref-golden.js';
import { Rng } from '../../src/cli/fuzz-diff/rng.js';

const run = promisify(execFile);
const repo = join(fileURLToPath(import.meta.url), '..', '..', '..');
const cli = join(repo, 'bin', 'drydock.js');

/** The project's seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

/** A random JavaScript pattern over a, b and newline with back-references and lookaheads. */
function jsPattern(rnd: () => number, depth = 0): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const atom = (): string => {
    const r = rnd();
    if (depth < 3 && r < 0.2) return `(${jsPattern(rnd, depth + 1)})`;
    if (depth < 3 && r < 0.25) return `(?:${jsPattern(rnd, depth + 1)})`;
    if (depth < 3 && r < 0.3) return `(?${pick(['=', '!'])}${jsPattern(rnd, depth + 1)})`;
    return pick(['a', 'b', '.', '[ab]', '[^a]', '\\w', '\\b', '^', '$', '\\1', '\\2', 'x', '\\n']);
  };
  let out = '';
  for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++) {
    const a = atom();
    out += ['^', '$', '\\b'].includes(a) ? a : a + pick(['', '', '*', '+', '?', '{1,2}', '{2}', '*?', '+?']);
  }
  return depth < 3 && rnd() < 0.2 ? `${out}|${jsPattern(rnd, depth + 1)}` : out;
}

/**
 * A random "ordinary" ERE with a back-reference: groups of letters and classes, quantified atoms, one or two
 * references. A repeated group never matches the empty string (`(a*)*`-like nests are where glibc's captures
 * follow rules of their own: docs/security-limits.md).
 */
function erePattern(rnd: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const piece = (nullable = true) => pick(['a', 'b', 'c', '.', '[ab]', '[^c]']) + pick(nullable ? ['', '', '*', '+', '?'] : ['', '', '+']);
  const group = () => {
    const q = pick(['', '', '?', '*']);
    const body = () => Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => piece(q === '')).join('');
    return `(${body()}${rnd() < 0.3 ? `|${body()}` : ''})${q}`;
  };
  const parts = [group(), ...(rnd() < 0.5 ? [group()] : []), piece(), `\\${pick(['1', '1', '2'])}`, ...(rnd() < 0.3 ? [piece()] : [])];
  const src = parts.join('');
  return src.includes('\\2') && (src.match(/\(/g) ?? []).length < 2 ? src.replace('\\2', '\\1') : src;
}

const shape = (m: RegExpExecArray | null) => m && { all: [...m], index: m.index };

describe('back-references: a backtracking matcher that counts its steps', function () {
  this.timeout(120_000);

  it('gives RegExp\'s matches and groups for 3,000 random patterns with back-references and lookaheads', () => {
    const rnd = random(7);
    let compared = 0;
    for (let k = 0; k < 3000; k++) {
      const source = jsPattern(rnd);
      const flags = ['', 'g', 'm', 'i', 's', 'gm'][k % 6] as string;
      let native: RegExp;
      try {
        native = new RegExp(source, flags);
      } catch {
        continue;
      }
      const mine = new BacktrackRegExp(source, flags);
      const text = Array.from({ length: Math.floor(rnd() * 12) }, () => 'abAB \nx'[Math.floor(rnd() * 7)]).join('');
      let a: unknown;
      try {
        a = shape(mine.exec(text));
      } catch (e) {
        // only where RegExp itself backtracks for long (a nested repetition of what can match nothing)
        assert.ok(e instanceof RegexStepLimitExceeded, String(e));
        continue;
      }
      assert.deepEqual(a, shape(native.exec(text)), `/${source}/${flags} on ${JSON.stringify(text)}`);
      compared++;
    }
    assert.ok(compared > 2500, `${compared} compared`);
  });

  it('reads annex B escapes as RegExp does: octal where no group is named, named references', () => {
    for (const [source, text] of [['(a)\\10', 'a\b'], ['(a)\\18', 'a\x018'], ['\\1', '\x01'], ['[\\1]', '\x01'], ['\\8', '8'], ['(?<x>a)\\k<x>', 'aa'], ['\\k', 'k'], ['(a)|\\1b', 'b'], ['\\1(a)', 'a']]) {
      const re = makeRegex(source as string);
      assert.ok(isBounded(re), source);
      assert.deepEqual(shape(re.exec(text as string)), shape(new RegExp(source as string).exec(text as string)), source);
    }
  });

  it('prefers the longest of the leftmost matches for POSIX patterns, as glibc does', () => {
    // JavaScript's order would take the first alternative and stop at "xy"
    assert.equal(makePosixRegex('(x|xy)(z?)\\1?').exec('xyzxy')?.[0], 'xyzxy');
    assert.equal(makeRegex('(x|xy)(z?)\\1?').exec('xyzxy')?.[0], 'x');
    // a reference to a group that took no part fails in glibc, matches nothing in JavaScript
    assert.equal(makePosixRegex('(b)*\\1a').exec('aa'), null);
    assert.equal(makeRegex('(b)*\\1a').exec('aa')?.[0], 'a');
  });

  it('stops a `matches:` that backtracks for ever with a plain message, in a bounded number of steps', () => {
    const started = performance.now();
    // the step or check that runs the matcher reports the error as its failure (run-step.ts, run-check.ts)
    assert.throws(() => runMatcher({ matches: '^(a|a)*\\1b$' }, 'a'.repeat(40), 'stdout'), /needs more than 10,000,000 steps of backtracking/);
    assert.ok(performance.now() - started < 30_000);
  });

  it('runs busybox\'s grep, sed, expr and find -regex cases as busybox-static prints them (recorded)', () => {
    for (const c of BACKREF_CASES) assert.deepEqual(runSim(c.script), BACKREF_GOLDEN[c.name], `${c.name}: ${c.script}`);
  });

  it('agrees with the real busybox on 300 random ordinary back-reference patterns (live; skipped without /bin/busybox and root)', function () {
    const why = oracleUnavailable();
    if (why) {
      console.log(`      (skipped: ${why})`);
      this.skip();
    }
    const rnd = random(Number(process.env.DRYDOCK_SEED ?? 3));
    const lines: string[] = [];
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: 2 + Math.floor(rnd() * 8) }, () => 'abc'[Math.floor(rnd() * 3)]).join('');
      lines.push(`echo ${text} | sed -E 's/${erePattern(rnd)}/[&|\\1]/'`);
    }
    const script = lines.join('\n');
    const real = runReal(script);
    assert.equal(real.status, 0, real.stderr);
    const sim = runSim(script).stdout.split('\n');
    const busybox = real.stdout.split('\n');
    const differ = lines.flatMap((l, i) => (busybox[i] === sim[i] ? [] : [`${l}: busybox ${busybox[i]}, simulator ${sim[i]}`]));
    assert.deepEqual(differ, []);
  });
});

describe('back-references that backtrack without end stop in separate CLI processes', function () {
  this.timeout(180_000);
  let dir: string;
  before(function () {
    if (!existsSync(join(repo, 'dist', 'bundle', 'drydock.js'))) {
      console.log('      the CLI is not built (dist/bundle/drydock.js missing; run npm run build): skipping');
      this.skip();
    }
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'drydock-backref-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const drydock = async (argv: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, ...argv], { cwd: dir, env: { ...process.env, DRYDOCK_STATE: join(dir, 'state') }, timeout: 120_000 });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  it('drydock docker: grep -E with a reference that backtracks is killed at the step budget, saying why', async () => {
    const started = performance.now();
    const r = await drydock(['docker', 'run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', "echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab | grep -E '^(a*)*\\1$'"]);
    assert.equal(r.code, 137, r.stderr);
    assert.match(r.stderr, /main process ran past its step budget \(a regular expression that backtracks without end\) and was killed/);
    assert.ok(performance.now() - started < 60_000);
  });

  it('sed -E and expr with references that backtrack stop the same way (in process)', async () => {
    const engine = createSimEngine();
    for (const script of ["echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab | sed -E 's/(a+)+\\1c/x/'", "expr aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab : '\\(a*\\)*\\1c'", "mkdir /aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab && find /aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab -regex '/\\(a*\\)*\\1c'"]) {
      const r = await engine.docker(['run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', script], { timeoutMs: 60_000 });
      assert.equal(r.exitCode, 137, script);
      assert.match(r.stderr, /a regular expression that backtracks without end/, script);
    }
  });

  it('drydock run: a step\'s limits stop grep, and a `matches:` expectation stops with its message', async () => {
    const step = (name: string, lines: string[]) => writeFileSync(join(dir, `${name}.yaml`), [`name: ${name}`, 'steps:', ...lines, ''].join('\n'));
    step('grep', ["  - docker: run --rm drydock/busybox:1.35 sh -c \"echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab | grep -E '^(a|a)*\\\\1$'\"", '    timeout: 1s']);
    step('matches', ['  - docker: run --rm drydock/busybox:1.35 echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', "    expect: { stdout: { matches: '^(a|a)*\\1b$' } }"]);
    const started = performance.now();
    const r = await drydock(['run', 'grep.yaml', 'matches.yaml']);
    assert.equal(r.code, 1, r.stderr);
    // whichever limit comes first: the step's 1 s on a loaded machine, the process's step budget on a quiet one
    assert.match(r.stdout, /timed out after 1(\.0)?s|ran past its step budget \(a regular expression that backtracks without end\)/);
    assert.match(r.stdout, /needs more than 10,000,000 steps of backtracking/);
    assert.ok(performance.now() - started < 90_000);
  });
});
