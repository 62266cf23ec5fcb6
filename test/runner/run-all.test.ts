import assert from 'node:assert/strict';
import { runScenarios } from '../../src/runner/run-all.js';
import { createScenarioSimEngine } from '../../src/runner/sim-engine.js';
import { FakeEngine, registry, scenario } from './helpers.js';

describe('runScenarios', () => {
  const list = (n: number, failAt = -1) => Array.from({ length: n }, (_, i) => scenario(`name: s${i}\nsteps:\n  - docker: ${i === failAt ? 'rm nope' : 'ps'}\n`, `s${i}.yaml`));

  it('runs each scenario on its own fresh engine and keeps input order with several jobs', async () => {
    let engines = 0;
    const r = await runScenarios(list(6), {
      createEngine: () => {
        engines++;
        return new FakeEngine(() => new Promise((done) => setTimeout(() => done({ exitCode: 0, stdout: '', stderr: '' }), Math.random() * 5)));
      },
      engineName: 'sim',
      registry,
      jobs: 3,
    });
    assert.equal(engines, 6);
    assert.deepEqual(
      r.scenarios.map((s) => s.name),
      ['s0', 's1', 's2', 's3', 's4', 's5'],
    );
    assert.deepEqual({ ...r.summary, durationMs: 0 }, { total: 6, passed: 6, failed: 0, skipped: 0, errors: 0, durationMs: 0 });
  });

  it('runs at most `jobs` scenarios at once', async () => {
    let running = 0;
    let most = 0;
    await runScenarios(list(8), {
      createEngine: () =>
        new FakeEngine(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((done) => setTimeout(done, 5));
          running--;
          return { exitCode: 0, stdout: '', stderr: '' };
        }),
      engineName: 'sim',
      registry,
      jobs: 3,
    });
    assert.equal(most, 3);
  });

  it('bail: no new scenario starts after a failure', async () => {
    const r = await runScenarios(list(5, 1), { createEngine: createScenarioSimEngine, engineName: 'sim', registry, jobs: 1, bail: true });
    assert.deepEqual(
      r.scenarios.map((s) => s.status),
      ['passed', 'failed', 'skipped', 'skipped', 'skipped'],
    );
    assert.equal(r.scenarios[2]?.skipReason, 'not run: --bail after a failure');
  });

  it('calls onBegin and awaits onEnd', async () => {
    const seen: string[] = [];
    await runScenarios(list(2), {
      createEngine: () => new FakeEngine(),
      engineName: 'sim',
      registry,
      hooks: {
        onBegin: (i) => seen.push(`begin ${i.scenarios.length} ${i.jobs}`),
        onEnd: async (r) => {
          await new Promise((d) => setTimeout(d, 1));
          seen.push(`end ${r.summary.total}`);
        },
      },
      jobs: 4,
    });
    assert.deepEqual(seen, ['begin 2 2', 'end 2']);
  });
});
