// The drydock command end to end: folders of scenarios in, exit code, console output and report files out.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { FAILING, PASSING, runCli, writeFolder } from './helpers.js';

describe('drydock run (end to end)', () => {
  it('exit 0 when every scenario passes; the spec output has marks and a summary line', async () => {
    const dir = writeFolder({ 'scenarios/a.yaml': PASSING });
    const r = await runCli(['run'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /✓ passing scenarios\/a\.yaml/);
    assert.match(r.stdout, /✓ docker exec web ls \//);
    assert.match(r.stdout, /✓ check: containers \(running: \["web"\]\)/);
    assert.match(r.stdout, /1 passed \(1 scenario, 2 steps, 1 check, \d+ms\)/);
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colours when not a TTY');
    assert.equal(r.stderr, '');
  });

  it('exit 1 when a scenario fails; the failure shows expected, actual and where', async () => {
    const dir = writeFolder({ 's/pass.yaml': PASSING, 's/fail.yml': FAILING });
    const r = await runCli(['run', 's'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /✗ 1\) docker run --rm ubuntu echo hello/);
    assert.match(r.stdout, /1\) failing › docker run --rm ubuntu echo hello\n\s+at s\/fail\.yml:4:5\n\n\s+stdout is not equal to the expected value\n\s+expected: "goodbye\\n"\n\s+actual: {3}"hello\\n"/);
    assert.match(r.stdout, /1 passed, 1 failed \(2 scenarios/);
  });

  it('exit 2 for an invalid file: every problem positioned, nothing run', async () => {
    const dir = writeFolder({ 'a.yaml': PASSING, 'bad.yaml': 'name: bad\nsteps:\n  - docker: run --nmae x ubuntu\n  - dokcer: ps\n' });
    const r = await runCli(['run', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^bad\.yaml:3:17: unknown flag: --nmae \[DOCKER_UNKNOWN_FLAG\]/m);
    assert.match(r.stderr, /^bad\.yaml:4:5: unknown key `dokcer` in item 2 \[UNKNOWN_KEY\]/m);
    assert.match(r.stderr, /drydock: 2 problems in 1 file; nothing was run/);
    assert.equal(r.stdout, '');
  });

  it('exit 2 for binary, empty and non-YAML files, with one clear error each and no stack trace', async () => {
    const dir = writeFolder({ 'bin.yaml': new Uint8Array([0, 1, 2, 255]), 'empty.yaml': '', 'text.yaml': 'just: [unclosed\n' });
    const r = await runCli(['validate', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bin\.yaml:1:1: not a scenario: the file is binary/);
    assert.match(r.stderr, /empty\.yaml:1:1: the file is empty/);
    assert.match(r.stderr, /text\.yaml:\d+:\d+: YAML: /);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
  });

  it('exit 2 for a missing path and for usage errors', async () => {
    const dir = writeFolder({});
    assert.equal((await runCli(['run', 'nope'], dir)).code, 2);
    const noDefault = await runCli(['run'], dir);
    assert.equal(noDefault.code, 2);
    assert.match(noDefault.stderr, /scenarios: no scenario files/);
    for (const argv of [['run', '--jobs', '0'], ['run', '--shard', '3/2'], ['run', '--frobnicate'], ['run', '--reporter', 'tap'], ['run', '--grep', '('], ['bogus'], ['schema', 'x'], []]) {
      const r = await runCli(argv, dir);
      assert.equal(r.code, 2, argv.join(' '));
    }
  });

  it('--engine docker stops at once with one line and exit 2 where no engine answers; unknown engines are usage errors', async () => {
    const dir = writeFolder({ 'scenarios/a.yaml': PASSING });
    const r = await runCli(['run', '--engine', 'docker'], dir, { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'drydock: cannot reach a Docker engine at unix:///nonexistent/docker.sock: start dockerd, or use --engine sim\n');
    assert.equal((await runCli(['run', '--engine', 'podman'], dir)).code, 2);
    assert.equal((await runCli(['run', '--engine', 'sim'], dir)).code, 0);
  });

  it('--grep, --tag and --shard select scenarios; none selected is not a failure', async () => {
    const dir = writeFolder({ 'a.yaml': PASSING, 'b.yaml': FAILING });
    assert.equal((await runCli(['run', '.', '--grep', '^pass'], dir)).code, 0);
    assert.equal((await runCli(['run', '.', '--tag', 'fast'], dir)).code, 0);
    assert.equal((await runCli(['run', '.', '--tag', 'slow,other'], dir)).code, 1);
    assert.equal((await runCli(['run', '.', '--shard', '1/2'], dir)).code, 0);
    assert.equal((await runCli(['run', '.', '--shard', '2/2'], dir)).code, 1);
    const none = await runCli(['run', '.', '--grep', 'nothing-matches'], dir);
    assert.equal(none.code, 0);
    assert.match(none.stdout, /no scenarios to run \(2 loaded, none selected\)/);
  });

  it('--bail stops after the first failure', async () => {
    const dir = writeFolder({ 'a.yaml': FAILING, 'b.yaml': PASSING });
    const r = await runCli(['run', '.', '--bail', '-j', '1'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /- passing b\.yaml/);
    assert.match(r.stdout, /skipped: not run: --bail after a failure/);
  });

  it('files, folders and globs; several reporters at once into --out', async () => {
    const dir = writeFolder({ 'x/a.yaml': PASSING, 'x/deep/b.yaml': FAILING, 'y/c.yml': PASSING.replace('passing', 'third') });
    const r = await runCli(['run', 'x/**/*.yaml', 'y/c.yml', '--reporter', 'spec,json', '-r', 'junit', '--out', 'out'], dir);
    assert.equal(r.code, 1);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'));
    assert.deepEqual(
      json.scenarios.map((s: { file: string; status: string }) => [s.file, s.status]),
      [
        ['x/a.yaml', 'passed'],
        ['x/deep/b.yaml', 'failed'],
        ['y/c.yml', 'passed'],
      ],
    );
    assert.equal(json.scenarios[1].steps[0].stdout, 'hello\n');
    assert.ok(existsSync(join(dir, 'out', 'junit.xml')));
    assert.match(r.stdout, /3 scenarios/);
  });

  it('--jobs 2 runs in a worker thread beside the main thread, with the same results in input order', async function () {
    this.timeout(20_000);
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`p/s${String(i).padStart(2, '0')}.yaml`] = (i === 5 ? FAILING : PASSING).replace(/name: \w+/, `name: n${i}`);
    const dir = writeFolder(files);
    const r = await runCli(['run', 'p', '-j', '2', '--reporter', 'spec,json', '--out', 'out'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const json = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'));
    assert.deepEqual(
      json.scenarios.map((s: { name: string; status: string }) => `${s.name} ${s.status}`),
      Array.from({ length: 12 }, (_, i) => `n${i} ${i === 5 ? 'failed' : 'passed'}`),
    );
    assert.equal(json.scenarios[0].steps.length, 2);
    assert.match(r.stdout, /11 passed, 1 failed \(12 scenarios, 23 steps, 11 checks/);
    assert.equal((r.stdout.match(/✓ docker exec web ls \//g) ?? []).length, 11);
  });

  it('colours with FORCE_COLOR, none with NO_COLOR', async () => {
    const dir = writeFolder({ 'scenarios/a.yaml': PASSING });
    assert.match((await runCli(['run'], dir, { FORCE_COLOR: '1' })).stdout, /\u001b\[32m✓/);
    assert.doesNotMatch((await runCli(['run'], dir, { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout, /\u001b\[/);
  });

  it('the example scenarios all pass on the simulator', async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const r = await runCli(['run', 'scenarios', '--reporter', 'spec'], root);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /✗/);
  });

  it('--watch runs again when a scenario changes, until stopped', async function () {
    this.timeout(10_000);
    const dir = writeFolder({ 'w/a.yaml': PASSING });
    const stop = new AbortController();
    let stdout = '';
    const io = { stdout: (t: string) => void (stdout += t), stderr: () => undefined, isTTY: false, cwd: dir, env: {}, signal: stop.signal };
    const running = main(['run', 'w', '--watch'], io);
    for (let i = 0; i < 50 && !stdout.includes('watching for changes'); i++) await new Promise((d) => setTimeout(d, 50));
    assert.match(stdout, /1 passed/);
    writeFileSync(join(dir, 'w', 'a.yaml'), FAILING);
    for (let i = 0; i < 100 && !stdout.includes('1 failed'); i++) await new Promise((d) => setTimeout(d, 50));
    stop.abort();
    assert.equal(await running, 1);
    assert.match(stdout, /0 passed, 1 failed/);
  });
});

describe('drydock validate and schema', () => {
  it('validate: exit 0 and a count for valid files', async () => {
    const dir = writeFolder({ 'scenarios/a.yaml': PASSING, 'scenarios/b.yaml': FAILING });
    const r = await runCli(['validate'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '2 scenarios valid\n');
  });

  it('schema prints the JSON Schema file', async () => {
    const r = await runCli(['schema'], '/');
    assert.equal(r.code, 0);
    const schema = JSON.parse(r.stdout);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.ok(schema.$defs.fileCheck);
  });

  it('help and version', async () => {
    const help = await runCli(['--help'], '/');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: drydock <command>/);
    const v = await runCli(['--version'], '/');
    assert.match(v.stdout, /^drydock \d+\.\d+\.\d+\n$/);
  });
});
