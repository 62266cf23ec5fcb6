// docker run -d prints the new container's ID before it starts it, so a start that fails still shows the ID
// on stdout, and a detached client waits for nothing (no "error waiting for container" line). Observed with
// Docker 20.10 (client and engine 20.10.24): moby's TestKillDifferentUserContainer with an unknown user.

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

function sim() {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  return (...argv: string[]) => e.dockerSync(argv);
}

describe('moby fixes: docker run -d whose start fails', () => {
  it('prints the ID, then the daemon error of an unknown user, exit 125', () => {
    const run = sim();
    const r = run('run', '-d', '--name', 'c1', '-u', 'daemon', 'drydock/busybox:1.35', 'true');
    const id = run('inspect', '-f', '{{.Id}}', 'c1').stdout;
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], [id, 'docker: Error response from daemon: unable to find user daemon: no matching entries in passwd file.\n', 125]);
  });

  it('prints the ID, then the OCI error of a missing executable, exit 127', () => {
    const run = sim();
    const r = run('run', '-d', '--name', 'c1', 'drydock/busybox:1.35', 'nosuchcmd');
    assert.equal(r.stdout, run('inspect', '-f', '{{.Id}}', 'c1').stdout);
    assert.equal(r.exitCode, 127);
    assert.equal(r.stderr.split('\n').length, 2, 'one line: no "error waiting for container"');
  });

  it('keeps the client\'s wait line in the foreground', () => {
    const r = sim()('run', '--name', 'c1', '-u', 'daemon', 'drydock/busybox:1.35', 'true');
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /error waiting for container: context canceled/);
  });
});
