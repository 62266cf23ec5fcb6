import assert from 'node:assert/strict';
import { LinearRegExp } from '../../src/regex/linear-regex.js';
import { isLinear, makeRegex } from '../../src/regex/make-regex.js';
import { createSimEngine } from '../../src/engine/sim/node/create-sim-engine.js';
import { runMatcher } from '../../src/assertions/matchers.js';
import { Rng } from '../../src/cli/fuzz-diff/rng.js';

/** exec's result as plain data, for comparing the two matchers. */
function shape(m: RegExpExecArray | null): unknown {
  return m && { all: [...m], index: m.index, groups: m.groups };
}

/** The project's seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

/**
 * A random pattern over a, b and newline, with what the POSIX translation emits; `lazy` adds lazy quantifiers
 * (which POSIX does not have): nested inside another repetition they can end a match elsewhere than RegExp does
 * (15 in 20,000 random patterns), as the NFA keeps one thread per state where backtracking would try each.
 */
function pattern(rnd: () => number, lazy: boolean, depth = 0): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const atom = (): string => {
    const r = rnd();
    if (depth < 3 && r < 0.2) return `(${pattern(rnd, lazy, depth + 1)})`;
    if (depth < 3 && r < 0.27) return `(?:${pattern(rnd, lazy, depth + 1)})`;
    return pick(['a', 'b', '.', '[ab]', '[^a]', '\\w', '\\s', '\\b', '^', '$', 'x', '\\n']);
  };
  let out = '';
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) {
    let a = atom();
    if (!['^', '$', '\\b'].includes(a)) a += pick(lazy ? ['', '', '*', '+', '?', '{1,2}', '*?', '+?', '{2}', '??'] : ['', '', '*', '+', '?', '{1,2}', '{2}']);
    out += a;
  }
  return depth < 3 && rnd() < 0.2 ? `${out}|${pattern(rnd, lazy, depth + 1)}` : out;
}

describe('linear regular expressions', () => {
  it('match exactly as RegExp does: match, index and groups, on 3,000 random patterns and texts', () => {
    const rnd = random(12);
    let compared = 0;
    for (let k = 0; k < 3000; k++) {
      const source = pattern(rnd, false);
      const flags = ['', 'g', 'm', 'i', 's', 'gm'][k % 6] as string;
      let native: RegExp;
      try {
        native = new RegExp(source, flags);
      } catch {
        continue;
      }
      const linear = new LinearRegExp(source, flags);
      const text = Array.from({ length: Math.floor(rnd() * 12) }, () => 'abAB \nx'[Math.floor(rnd() * 7)]).join('');
      for (let round = 0; round < 3; round++) {
        const a = shape(linear.exec(text));
        const b = shape(native.exec(text));
        assert.deepEqual(a, b, `/${source}/${flags} on ${JSON.stringify(text)} (round ${round})`);
        assert.equal(linear.lastIndex, native.lastIndex);
        if (!native.global || b === null) break;
        if ((b as { all: string[] }).all[0] === '') {
          native.lastIndex++;
          linear.lastIndex++;
        }
      }
      compared++;
    }
    assert.ok(compared > 2500, `${compared} patterns compared`);
  });

  it('takes linear time where RegExp backtracks for ever', () => {
    const started = performance.now();
    for (const [source, expected] of [
      ['^(a+)+$', false],
      ['(a|a)*b', false],
      ['^(a*)*$', false],
      ['^(\\w+\\s?)*$', false],
      ['(.*a){12}', true],
    ] as const) {
      const re = makeRegex(source);
      assert.ok(isLinear(re), source);
      assert.equal(re.test(`${'a'.repeat(48)}!`), expected, source);
    }
    assert.ok(performance.now() - started < 2000, `${performance.now() - started} ms`);
  });

  it('keeps back-references (which need backtracking) on RegExp, and refuses what RegExp refuses', () => {
    assert.equal(isLinear(makeRegex('(a)\\1')), false);
    assert.equal(makeRegex('(a)\\1').test('aa'), true);
    assert.throws(() => makeRegex('(a'), SyntaxError);
    assert.throws(() => makeRegex('a**'), SyntaxError);
  });

  it("grep -E '^(a+)+$' on 48 a's, in a container, ends at once; so does a `matches:` of the same pattern", async () => {
    const engine = createSimEngine();
    const started = performance.now();
    const r = await engine.docker(['run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', `echo ${'a'.repeat(48)}b | grep -E '^(a+)+$'; echo "exit $?"`], { timeoutMs: 10_000 });
    assert.deepEqual([r.exitCode, r.stdout], [0, 'exit 1\n']);
    const m = await engine.docker(['run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', `echo ${'a'.repeat(48)} | grep -E '^(a+)+$'`], { timeoutMs: 10_000 });
    assert.deepEqual([m.exitCode, m.stdout], [0, `${'a'.repeat(48)}\n`]);
    assert.equal(runMatcher({ matches: '^(a+)+$' }, `${'a'.repeat(48)}b`, 'stdout').length, 1);
    assert.ok(performance.now() - started < 3000, `${performance.now() - started} ms`);
  });
});
