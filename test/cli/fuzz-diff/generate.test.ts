// The random differential tester's generator, shrinker and reproducer, without any engine: same seed same
// sequence, the model consistent with every generated sequence, the family and wrong-command mix the tester
// promises, and ddmin keeping a sequence meaningful.

import assert from 'node:assert/strict';
import { FAMILIES, generateSequence, replayHolds } from '../../../src/cli/fuzz-diff/generate.js';
import type { FuzzStep } from '../../../src/cli/fuzz-diff/model.js';
import { reproducerScript } from '../../../src/cli/fuzz-diff/reproducer.js';
import { Rng } from '../../../src/cli/fuzz-diff/rng.js';
import { shrink } from '../../../src/cli/fuzz-diff/shrink.js';
import { makeStep } from '../../../src/cli/fuzz-diff/step.js';

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);
const shape = (seed: number) => {
  const s = generateSequence(seed);
  return { files: s.files, steps: s.steps.map((x) => [x.family, x.wrong, ...x.argv]) };
};

describe('fuzz:diff generator', () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    assert.deepEqual(shape(42), shape(42));
    assert.notDeepEqual(shape(42), shape(43));
    assert.equal(new Rng(7).next(), new Rng(7).next());
  });

  it('keeps its model consistent: every generated sequence replays with every assumption holding', () => {
    for (const seed of SEEDS) assert.ok(replayHolds(generateSequence(seed).steps), `seed ${seed}`);
  });

  it('covers every family, at least 20 of them, with about one command in five deliberately wrong', () => {
    const steps = SEEDS.flatMap((s) => generateSequence(s).steps);
    const families = new Set(steps.map((s) => s.family));
    assert.deepEqual([...families].sort(), Object.keys(FAMILIES).sort());
    assert.ok(families.size >= 20, `${families.size} families`);
    const wrong = steps.filter((s) => s.wrong).length / steps.length;
    assert.ok(wrong > 0.12 && wrong < 0.28, `wrong share ${wrong}`);
    for (const s of generateSequence(1).steps.concat(generateSequence(2).steps)) assert.ok(s.argv.length > 0);
    // sequences stay within the requested length
    for (const seed of SEEDS.slice(0, 50)) {
      const n = generateSequence(seed, { minSteps: 8, maxSteps: 12 }).steps.length;
      assert.ok(n >= 8 && n <= 12, `seed ${seed}: ${n}`);
    }
  });

  it('builds from generated Dockerfiles and runs sh -c scripts that write, remove, link and stat files', () => {
    const all = SEEDS.flatMap((s) => {
      const q = generateSequence(s);
      return [...q.steps.map((x) => x.argv.join(' ')), ...Object.entries(q.files).filter(([p]) => p.endsWith('Dockerfile')).map(([, c]) => c)];
    }).join('\n');
    for (const needle of [/^FROM /mu, /sh -c .*echo \w+ > \//u, /rm (-f )?\/d\//u, /ln -s \//u, /ln \/d/u, /stat -c/u, /^build /mu]) assert.match(all, needle);
  });
});

describe('fuzz:diff shrinker and reproducer', () => {
  // a model where `b` needs `a` first; the "difference" shows when `b` ran and `t` is last
  const a = makeStep('a', ['volume', 'create', 'v'], { apply: (m) => void m.volumes.push('v') });
  const b = makeStep('b', ['run', '-v', 'v:/d', 'img'], { holds: (m) => m.volumes.includes('v'), apply: (m) => void m.volumes.push('w') });
  const noise = (i: number) => makeStep('n', ['ps', `-n${i}`]);
  const t = makeStep('t', ['volume', 'ls']);

  it('drops what the difference does not need and keeps what the model needs', async () => {
    const before: FuzzStep[] = [noise(1), a, noise(2), noise(3), b, noise(4), noise(5)];
    let trials = 0;
    const result = await shrink(before, t, async (steps) => {
      trials++;
      return steps.includes(b);
    });
    assert.deepEqual(result.map((s) => s.family), ['a', 'b', 't']);
    assert.ok(trials <= 40);
  });

  it('writes a reproducer that sets up the host files and quotes every word for sh', () => {
    const script = reproducerScript(3, { 'data/a.txt': "it's\n", 'ctx1/Dockerfile': 'FROM x\n' }, [makeStep('run', ['run', 'img', 'sh', '-c', "echo 'q' > /f"]), makeStep('build', ['build', '-t', 'i', 'ctx1'])], 'run: exit 0/1');
    assert.match(script, /^#!\/bin\/sh\n/u);
    assert.match(script, /printf '%s' 'it'\\''s\n' > data\/a\.txt/u);
    assert.match(script, /printf '%s' 'FROM x\n' > ctx1\/Dockerfile/u);
    assert.match(script, /docker run img sh -c 'echo '\\''q'\\'' > \/f'\n/u);
  });
});
