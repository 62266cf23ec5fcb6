import assert from 'node:assert/strict';
import { runScenario } from '../../src/runner/run-scenario.js';
import { createScenarioSimEngine } from '../../src/runner/sim-engine.js';
import type { RunHooks } from '../../src/runner/result.js';
import { FakeEngine, registry, scenario } from './helpers.js';

describe('runScenario', () => {
  it('runs setup, steps, checks and teardown on the simulator and passes', async () => {
    const s = scenario(`name: ok
files: { Dockerfile: "FROM ubuntu\\nCMD [\\"echo\\", \\"hi\\"]\\n" }
setup:
  - docker: build -t app .
steps:
  - docker: run --name one app
    expect: { stdout: "hi\\n" }
  - host: echo made > made.txt
checks:
  - containers: { present: [one], stopped: [one] }
  - file: { host: true, path: made.txt, content: "made\\n" }
teardown:
  - docker: rm one
`);
    const r = await runScenario(s, { createEngine: createScenarioSimEngine, registry });
    assert.equal(r.status, 'passed', JSON.stringify(r, null, 1));
    assert.deepEqual(
      r.steps.map((x) => [x.phase, x.status, x.exitCode]),
      [
        ['setup', 'passed', 0],
        ['steps', 'passed', 0],
        ['steps', 'passed', 0],
        ['teardown', 'passed', 0],
      ],
    );
    assert.deepEqual(r.steps[1]?.command, ['run', '--name', 'one', 'app']);
    assert.equal(r.steps[1]?.stdout, 'hi\n');
    assert.deepEqual(
      r.checks.map((c) => c.status),
      ['passed', 'passed'],
    );
  });

  it('a failed step skips the rest and the checks, teardown still runs, the engine is disposed', async () => {
    const engine = new FakeEngine((argv) => ({ exitCode: Array.isArray(argv) && argv[0] === 'rm' ? 1 : 0, stdout: '', stderr: 'boom\n' }));
    const s = scenario('name: f\nsteps:\n  - docker: rm x\n  - docker: ps\nchecks:\n  - images: { count: 1 }\nteardown:\n  - docker: rm y\n  - docker: ps\n');
    const r = await runScenario(s, { createEngine: () => engine, registry });
    assert.equal(r.status, 'failed');
    assert.deepEqual(
      r.steps.map((x) => x.status),
      ['failed', 'skipped', 'failed', 'passed'],
    );
    assert.match(r.steps[0]!.failures[0]!.message, /^exit code 1, expected 0\nboom$/);
    assert.equal(r.steps[1]?.skipReason, 'not run: an earlier step failed');
    assert.equal(r.checks[0]?.status, 'skipped');
    assert.ok(engine.disposed);
  });

  it('expectations on exit code, stdout and stderr; failures carry expected and actual', async () => {
    const engine = new FakeEngine(() => ({ exitCode: 2, stdout: 'out\n', stderr: 'err\n' }));
    const s = scenario('name: e\nsteps:\n  - docker: ps\n    expect: { exitCode: 2, stdout: { contains: out }, stderr: nope }\n');
    const r = await runScenario(s, { createEngine: () => engine, registry });
    assert.equal(r.status, 'failed');
    assert.deepEqual(r.steps[0]?.failures.map((f) => [f.message, f.expected, f.actual]), [['stderr is not equal to the expected value', 'nope', 'err\n']]);
  });

  it('named output and captures feed later steps, expectations and checks', async () => {
    const s = scenario(`name: t
steps:
  - name: c
    docker: run -d --name web ubuntu
    capture: { short: "^([0-9a-f]{12})" }
  - docker: inspect --format "{{.Id}}" \${{ steps.c.stdout }}
    expect: { stdout: { contains: "\${{ vars.short }}" } }
checks:
  - inspect: { container: "\${{ vars.short }}", path: Name, equals: /web }
`);
    const r = await runScenario(s, { createEngine: createScenarioSimEngine, registry });
    assert.equal(r.status, 'passed', JSON.stringify(r.steps.map((x) => x.failures)));
    assert.equal((r.steps[1]?.command as string[])[3]?.length, 64);
    assert.match(r.checks[0]!.title, /^inspect container [0-9a-f]{12} Name/);
  });

  it('a capture that does not match fails the step', async () => {
    const s = scenario('name: t\nsteps:\n  - docker: ps\n    capture: { id: "^zzz" }\n');
    const r = await runScenario(s, { createEngine: () => new FakeEngine(), registry });
    assert.match(r.steps[0]!.failures[0]!.message, /capture id: \/\^zzz\/ does not match stdout/);
  });

  it('a step that takes longer than its timeout fails', async () => {
    const engine = new FakeEngine(() => new Promise((done) => setTimeout(() => done({ exitCode: 0, stdout: '', stderr: '' }), 200)));
    const s = scenario('name: slow\nsteps:\n  - docker: ps\n    timeout: 20ms\n');
    const r = await runScenario(s, { createEngine: () => engine, registry });
    assert.equal(r.steps[0]?.status, 'failed');
    assert.equal(r.steps[0]?.failures[0]?.message, 'timed out after 20ms');
  });

  it('an engine that throws makes the step an error', async () => {
    const engine = new FakeEngine(() => {
      throw new Error('daemon gone');
    });
    const r = await runScenario(scenario('name: x\nsteps:\n  - docker: ps\n'), { createEngine: () => engine, registry });
    assert.equal(r.status, 'error');
    assert.match(r.steps[0]!.failures[0]!.message, /the engine failed: daemon gone/);
  });

  it('an engine that cannot start makes the scenario an error', async () => {
    const r = await runScenario(scenario('name: x\nsteps:\n  - docker: ps\n'), {
      createEngine: () => {
        throw new Error('no state');
      },
      registry,
    });
    assert.equal(r.status, 'error');
    assert.match(r.error ?? '', /could not start: no state/);
  });

  it('refuses up front a command the engine cannot run', async () => {
    const engine = new FakeEngine();
    const s = scenario('name: x\nsteps:\n  - docker: ps\n  - docker: network create n\n');
    const r = await runScenario(s, { createEngine: () => engine, registry });
    assert.equal(r.status, 'error');
    assert.match(r.error ?? '', /the sim engine cannot run `docker network create n` \(test\.yaml:4:5\); nothing was run/);
    assert.equal(engine.calls.length, 0);
    const sim = await runScenario(scenario('name: x\nsteps:\n  - docker: pull ubuntu\n'), { createEngine: createScenarioSimEngine, registry });
    assert.match(sim.error ?? '', /cannot run `docker pull ubuntu`/);
  });

  it('skip on a scenario, a step or a check', async () => {
    const engine = new FakeEngine();
    const skipped = await runScenario(scenario('name: x\nskip: later\nsteps:\n  - docker: ps\n'), { createEngine: () => engine, registry });
    assert.deepEqual([skipped.status, skipped.skipReason, engine.calls.length], ['skipped', 'later', 0]);
    const r = await runScenario(scenario('name: x\nsteps:\n  - docker: ps\n    skip: true\nchecks:\n  - images: { count: 0 }\n    skip: not now\n'), { createEngine: () => engine, registry });
    assert.equal(r.status, 'passed');
    assert.deepEqual([r.steps[0]?.status, r.checks[0]?.status, r.checks[0]?.skipReason], ['skipped', 'skipped', 'not now']);
  });

  it('calls the hooks in order', async () => {
    const events: string[] = [];
    const hooks: RunHooks = {
      onScenarioBegin: (s) => events.push(`begin ${s.name}`),
      onStepEnd: (_s, st) => events.push(`step ${st.title}`),
      onCheckEnd: (_s, c) => events.push(`check ${c.kind}`),
      onScenarioEnd: (_s, r) => events.push(`end ${r.status}`),
    };
    await runScenario(scenario('name: h\nsteps:\n  - docker: ps\nchecks:\n  - images: { present: [ubuntu] }\n'), { createEngine: createScenarioSimEngine, registry, hooks });
    assert.deepEqual(events, ['begin h', 'step docker ps', 'check images', 'end passed']);
  });
});
