// Loading valid scenarios: the typed model, defaults, positions, and the problem format.

import assert from 'node:assert/strict';
import { loadScenario, loadScenarioFile } from '../../src/scenario/load.js';
import type { DockerStep, Scenario } from '../../src/scenario/model.js';
import { formatProblem } from '../../src/scenario/problem.js';

function load(text: string): Scenario {
  const r = loadScenario(text, 'test.yaml');
  if (!r.ok) assert.fail(r.problems.map(formatProblem).join('\n'));
  return r.scenario;
}

describe('loadScenario', () => {
  it('builds the model with defaults and positions', () => {
    const s = load(`name: demo
tags: [a, b]
files:
  Dockerfile: |
    FROM ubuntu
  /etc/app.conf: { content: "x=1\\n", mode: "0600" }
  bin/run.sh: { content: "echo", mode: 755 }
steps:
  - docker: docker run -d --name web ubuntu
  - name: list
    host: ls
    timeout: 2s
checks:
  - file: { container: web, path: /x }
`);
    assert.equal(s.name, 'demo');
    assert.deepEqual(s.tags, ['a', 'b']);
    assert.deepEqual(
      s.files.map((f) => [f.path, f.mode]),
      [
        ['/scenario/Dockerfile', 0o644],
        ['/etc/app.conf', 0o600],
        ['/scenario/bin/run.sh', 0o755],
      ],
    );
    const step = s.steps[0] as DockerStep;
    assert.equal(step.kind, 'docker');
    assert.deepEqual(step.words, ['run', '-d', '--name', 'web', 'ubuntu']);
    assert.equal(step.title, 'docker run -d --name web ubuntu');
    assert.deepEqual(step.command, { name: 'run', path: 'docker run', refused: false });
    assert.deepEqual(step.expect, { exitCode: 0 });
    assert.equal(step.timeoutMs, 30_000);
    assert.deepEqual(step.location, { file: 'test.yaml', line: 9, col: 5 });
    assert.equal(s.steps[1]?.kind, 'host');
    assert.equal(s.steps[1]?.timeoutMs, 2000);
    assert.equal(s.steps[1]?.name, 'list');
    assert.deepEqual(s.checks[0]?.location, { file: 'test.yaml', line: 14, col: 5 });
    assert.equal(s.checks[0]?.kind, 'file');
  });

  it('keeps templates in words and marks templated steps and checks', () => {
    const s = load(`name: t
vars: { img: ubuntu }
steps:
  - name: c
    docker: commit x "my image"
  - docker: run --rm "\${{ steps.c.stdout }}" echo "a b"
    expect: { stdout: "\${{ vars.img }}" }
checks:
  - inspect: { image: "\${{ steps.c.stdout }}" }
`);
    const step = s.steps[1] as DockerStep;
    assert.deepEqual(step.words, ['run', '--rm', '${{ steps.c.stdout }}', 'echo', 'a b']);
    assert.equal(step.templated, true);
    assert.equal(step.expectTemplated, true);
    assert.equal(s.checks[0]?.templated, true);
    assert.equal(s.vars.get('img'), 'ubuntu');
  });

  it('a scenario-level timeout sets the default step timeout; skip and only are read', () => {
    const s = load('name: t\ntimeout: 1.5s\nskip: not today\nonly: true\nsteps:\n  - docker: ps\n    skip: true\n');
    assert.equal(s.steps[0]?.timeoutMs, 1500);
    assert.equal(s.steps[0]?.skip, 'skipped');
    assert.equal(s.skip, 'not today');
    assert.equal(s.only, true);
  });

  it('accepts a help line as a valid step (docker prints help and exits 0)', () => {
    load('name: t\nsteps:\n  - docker: run --help\n');
  });

  it('reports every problem at once, in file order, each formatted with a frame', () => {
    const r = loadScenario('name: x\nsteps:\n  - docker: run --nmae a ubuntu\n  - dokcer: ps\n', 'f.yaml');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ['DOCKER_UNKNOWN_FLAG', 'UNKNOWN_KEY'],
    );
    const text = formatProblem(r.problems[0]!);
    assert.match(text, /^f\.yaml:3:17: unknown flag: --nmae \[DOCKER_UNKNOWN_FLAG\]/);
    assert.match(text, /at steps\[0\]\.docker/);
    assert.match(text, /did you mean `--name`\?/);
    assert.match(text, /> 3 \| {3}- docker: run --nmae a ubuntu\n\s+\| {17}\^{6}$/);
  });

  it('suggests the misspelt key name', () => {
    const r = loadScenario('name: x\nsteps:\n  - docker: ps\nchecks:\n  - fiel: { container: a, path: /x }\n', 'f.yaml');
    assert.ok(!r.ok && r.problems[0]?.suggestion === 'did you mean `file`?');
  });

  it('does not report parse errors blamed on a templated word', () => {
    load('name: x\nvars: { m: 1g }\nsteps:\n  - docker: run -m ${{ vars.m }} ubuntu\n');
  });

  it('reads files and reports an unreadable one', async () => {
    const r = await loadScenarioFile('/nonexistent/x.yaml', 'x.yaml');
    assert.ok(!r.ok && r.problems[0]?.code === 'FILE_UNREADABLE');
    assert.equal(r.problems[0]?.message, 'cannot read the file: no such file');
    assert.equal(r.problems[0]?.file, 'x.yaml');
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const bytes = new TextEncoder().encode('\uFEFFname: x\r\nsteps:\r\n  - docker: ps\r\n');
    const r = loadScenario(bytes, 'f.yaml');
    assert.ok(r.ok);
  });
});
