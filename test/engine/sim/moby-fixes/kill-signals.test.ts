// docker kill -s: the route parses the signal (moby's signal.ParseSignal) before it looks for the container,
// the daemon refuses numbers Linux does not have, and PID 1 ignores every signal but SIGKILL (it installs no
// handlers). Texts as Docker 20.10.24 printed them (moby's TestKillContainerInvalidSignal, TestKillContainer).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';
import { isLinuxSignal, parseDaemonSignal } from '../../../../src/engine/sim/container/signals.js';

function sim() {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const run = (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
  run('run', '-d', '--name', 'k1', 'drydock/busybox:1.35', 'sleep', '600');
  return run;
}

describe('moby fixes: docker kill -s', () => {
  it('refuses signal 0 and unknown names before looking for containers, once per container', () => {
    const run = sim();
    assert.deepEqual(run('kill', '-s', '0', 'nosuch', 'k1'), ['', 'Error response from daemon: Invalid signal: 0\n'.repeat(2), 1]);
    assert.deepEqual(run('kill', '-s', 'SIG42', 'k1'), ['', 'Error response from daemon: Invalid signal: SIG42\n', 1]);
    assert.deepEqual(run('kill', '-s', '99', 'k1'), ['', 'Error response from daemon: Cannot kill container: k1: The linux daemon does not support signal 99\n', 1]);
  });

  it('leaves PID 1 running for signals other than KILL; KILL ends it with 137', () => {
    const run = sim();
    for (const s of ['SIGWINCH', 'hup', 'TERM', 'RTMIN+3', '10']) assert.deepEqual(run('kill', '-s', s, 'k1'), ['k1\n', '', 0]);
    assert.equal(run('inspect', '-f', '{{.State.Status}}', 'k1')[0], 'running\n');
    assert.deepEqual(run('kill', '-s', 'KILL', 'k1'), ['k1\n', '', 0]);
    assert.equal(run('inspect', '-f', '{{.State.Status}} {{.State.ExitCode}}', 'k1')[0], 'exited 137\n');
  });

  it('parses numbers and SIG-less names as ParseSignal does', () => {
    assert.deepEqual(parseDaemonSignal(''), { signal: 9 });
    assert.deepEqual(parseDaemonSignal('sigterm'), { signal: 15 });
    assert.deepEqual(parseDaemonSignal('RTMAX-1'), { signal: 63 });
    assert.equal(isLinuxSignal(64), true);
    assert.equal(isLinuxSignal(65), false);
  });
});
