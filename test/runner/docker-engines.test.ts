// The real engine behind scenarios: isolation (a user's own dc01 survives), names mapped back, the untrusted
// policy, engines: [sim], --engine both and cleanup. Skipped where no engine answers.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DockerClient } from '../../src/engine/docker/docker-client.js';
import { bothRunner } from '../../src/runner/compare/run-both.js';
import { DockerEngines } from '../../src/runner/docker-engines.js';
import { onlyOnSim } from '../../src/runner/engine-choice.js';
import { runScenarios } from '../../src/runner/run-all.js';
import { createScenarioSimEngine } from '../../src/runner/sim-engine.js';
import { untrustedPolicy } from '../../src/runner/untrusted-policy.js';
import { requireDocker } from '../engine/docker/require-docker.js';
import { registry, scenario } from './helpers.js';

const USER_CONTAINER = `drydock-test-user-dc01-${process.pid}`;

describe('scenarios on a real engine', function () {
  this.timeout(120_000);
  let client: DockerClient;
  let engines: DockerEngines;

  before(async function () {
    client = await requireDocker(this);
    engines = new DockerEngines({ policy: (s) => untrustedPolicy(s, false) });
    await engines.prepare();
    // a user's own container, unlabelled, named as a scenario's would be without the prefix
    await client.run(['rm', '-f', USER_CONTAINER]);
    await client.run(['create', '--network', 'none', '--pull', 'never', '--name', USER_CONTAINER, 'drydock/busybox:1.35', 'true']);
  });

  after(async () => {
    await client?.run(['rm', '-f', USER_CONTAINER]);
  });

  it('runs a scenario in its own namespace, shows its names, and removes everything afterwards', async () => {
    const s = scenario(`
name: isolated
files: { data/in.txt: "hello\\n" }
steps:
  - docker: run -dit --name ${USER_CONTAINER} -v /scenario/data:/data ubuntu
  - docker: ps -a --format "{{.Names}} {{.Image}}"
    expect: { stdout: "${USER_CONTAINER} ubuntu\\n" }
  - docker: exec ${USER_CONTAINER} cat /data/in.txt
    expect: { stdout: "hello\\n" }
  - docker: inspect --format "{{.Name}} {{(index .Mounts 0).Source}}" ${USER_CONTAINER}
    expect: { stdout: "/${USER_CONTAINER} /scenario/data\\n" }
  - docker: rm ${USER_CONTAINER}
    expect: { exitCode: 1, stderr: { contains: "You cannot remove a running container" } }
  - docker: build -t tim/centos .
    stdin: ""
  - host: echo hi > /marker.txt
checks:
  - file: { host: true, path: /marker.txt, content: "hi\\n" }
  - inspect: { container: ${USER_CONTAINER}, path: Config.Image, equals: ubuntu }
`);
    s.files.push({ path: '/scenario/Dockerfile', content: new TextEncoder().encode('FROM centos\nVOLUME /v\n'), mode: 0o644 });
    let runDir = '';
    let runId = '';
    const result = await runScenarios([s], {
      createEngine: (sc) => {
        const e = engines.create(sc);
        ({ runDir, runId } = (e as unknown as { options: { runDir: string; runId: string } }).options);
        return e;
      },
      engineName: 'docker',
      registry,
    });
    const r = result.scenarios[0]!;
    assert.equal(r.status, 'passed', JSON.stringify(r.steps.concat().filter((x) => x.status !== 'passed').map((x) => [x.title, x.failures]), null, 1) + JSON.stringify(r.checks.filter((c) => c.status !== 'passed')));
    assert.equal(existsSync(runDir), false);
    // this run's objects only: other runs may share the engine
    assert.equal((await client.run(['ps', '-aq', '--filter', `label=drydock.run=${runId}`])).stdout, '');
    assert.equal((await client.run(['images', '-q', `drydock-run-${runId}/*/*`])).stdout, '');
    assert.equal((await client.run(['inspect', '--format', '{{.Name}}', USER_CONTAINER])).stdout, `/${USER_CONTAINER}\n`);
  });

  it('refuses host-reaching flags before anything runs unless the scenario needs them', async () => {
    const refused = scenario('name: p\nsteps:\n  - docker: run --rm --privileged ubuntu true\n');
    const r = (await runScenarios([refused], { createEngine: (sc) => engines.create(sc), engineName: 'docker', registry })).scenarios[0]!;
    assert.equal(r.status, 'error');
    assert.match(r.error ?? '', /test\.yaml:3:5: `docker run --rm --privileged ubuntu true` uses --privileged, refused on a real engine unless the scenario declares `needs: \[privileged\]`/);
    assert.equal(r.steps.length, 0);
    // allowed, it runs (an engine inside a container may still refuse the capabilities: exit 125)
    const allowed = scenario('name: p\nneeds: [privileged]\nsteps:\n  - docker: run --rm --privileged ubuntu true\n    expect: { exitCode: { oneOf: [0, 125] } }\n');
    assert.equal((await runScenarios([allowed], { createEngine: (sc) => engines.create(sc), engineName: 'docker', registry })).scenarios[0]!.status, 'passed');
  });

  it('--engine both compares every step and check, and engines: [sim] is shown, not silently skipped', async () => {
    const same = scenario('name: same\nsteps:\n  - docker: run --name ab ubuntu echo hi\n    expect: { stdout: "hi\\n" }\n  - docker: ps -a --format "{{.Names}} {{.Status}}"\nchecks:\n  - containers: { present: [ab], count: 1 }\n');
    const simOnly = scenario('name: s\nengines: [sim]\nengineReason: needs a registry\nsteps:\n  - docker: pull x\n    expect: { exitCode: 125 }\n', 'sim-only.yaml');
    const both = bothRunner({ sim: createScenarioSimEngine, docker: (sc) => engines.create(sc), registry, simOnly: onlyOnSim });
    const result = await runScenarios([same, simOnly], { createEngine: createScenarioSimEngine, engineName: 'both', registry, runScenario: both });
    const [a, b] = result.scenarios;
    assert.deepEqual(a!.comparison?.differences, []);
    assert.equal(a!.status, 'passed');
    assert.equal(b!.engineNote, 'simulator only: needs a registry');
    assert.deepEqual(result.summary.fidelity, { identical: 3, total: 3 });
  });

  it('a step that hangs is stopped at its timeout and its container killed', async () => {
    const s = scenario('name: t\nsteps:\n  - docker: run --name sleeper ubuntu sleep 60\n    timeout: 1s\n');
    const started = Date.now();
    const r = (await runScenarios([s], { createEngine: (sc) => engines.create(sc), engineName: 'docker', registry })).scenarios[0]!;
    assert.equal(r.steps[0]!.status, 'failed');
    assert.match(r.steps[0]!.failures[0]!.message, /timed out after 1(\.0)?s/);
    assert.ok(Date.now() - started < 30_000);
  });
});
