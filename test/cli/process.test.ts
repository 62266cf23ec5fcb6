// The real process: exit codes and output as a shell sees them (node with tsx, the way mocha runs the sources).

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { FAILING, PASSING, writeFolder } from './helpers.js';

const entry = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const script = `import { main } from ${JSON.stringify(entry)}; process.exitCode = await main(process.argv.slice(1));`;

async function drydock(args: string[], cwd: string) {
  // tsx by absolute URL: the process runs in a temporary folder, where the package would not resolve.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return execa('node', ['--import', tsx, '--input-type=module', '-e', script, ...args], { cwd, reject: false, env: { NO_COLOR: '1' } });
}

describe('drydock as a process', function () {
  this.timeout(30_000);

  it('exit codes 0, 1 and 2', async () => {
    const dir = writeFolder({ 'ok/a.yaml': PASSING, 'bad/b.yaml': FAILING, 'invalid/c.yaml': 'name: c\nsteps: 3\n' });
    const [ok, bad, invalid] = await Promise.all([drydock(['run', 'ok'], dir), drydock(['run', 'bad'], dir), drydock(['run', 'invalid'], dir)]);
    assert.equal(ok.exitCode, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /1 passed/);
    assert.equal(bad.exitCode, 1);
    assert.equal(invalid.exitCode, 2);
    assert.match(invalid.stderr, /c\.yaml:2:8: `steps` must be a list, not a number \(3\) \[WRONG_TYPE\]/);
  });
});

describe('drydock usage as a process', function () {
  this.timeout(30_000);

  it('help on stdout with exit 0; a bad option or a missing script on stderr with exit 2', async () => {
    const dir = writeFolder({});
    const [help, bad, missing] = await Promise.all([drydock(['validate', '--help'], dir), drydock(['clean', '--frobnicate'], dir), drydock(['compare', 'nonexist.sh'], dir)]);
    assert.deepEqual([help.exitCode, help.stderr], [0, '']);
    assert.match(help.stdout, /^Usage: drydock validate/);
    assert.deepEqual([bad.exitCode, bad.stdout, bad.stderr], [2, '', "drydock clean: unknown option --frobnicate\nRun 'drydock clean --help' for usage."]);
    assert.deepEqual([missing.exitCode, missing.stdout, missing.stderr], [2, '', 'drydock compare: cannot read nonexist.sh: no such file']);
  });
});

describe('drydock docker', function () {
  this.timeout(30_000);

  // A process of its own: the simulator command keeps its state in the working directory. The version is the
  // client's of Docker 20.10 (docs/docker-reference: `docker version --format '{{.Client.Version}}'`).
  it('hands the command line to the simulator, which answers as docker 20.10', async () => {
    const r = await drydock(['docker', 'version', '--format', '{{.Client.Version}}'], writeFolder({}));
    assert.deepEqual([r.exitCode, r.stderr], [0, '']);
    assert.match(r.stdout, /^20\.10\.\d+\S*\n?$/);
  });

  // drydock parses none of it: help and errors are docker's own, as `docker` prints them.
  it("keeps docker's own help and usage errors", async () => {
    const dir = writeFolder({});
    const [help, bad] = await Promise.all([drydock(['docker', '--help'], dir), drydock(['docker', '--frobnicate'], dir)]);
    assert.equal(help.exitCode, 0, help.stderr);
    assert.match(help.stdout, /^Usage: {2}docker \[OPTIONS\] COMMAND/m);
    assert.equal(bad.exitCode, 125);
    assert.match(bad.stderr, /^unknown flag: --frobnicate\nSee 'docker --help'\./);
  });
});
