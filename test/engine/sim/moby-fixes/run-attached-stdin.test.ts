// `docker run -i` attached to a client's stdin that ends (a pipe, a file, nothing given): the client sends the
// input and closes the container's stdin, so `cat` ends; detached (-di) or on a terminal, stdin stays open.
// Observed with Docker 20.10.24 (moby's TestSlowStdinClosing, TestRunStdinBlockedAfterContainerExit).

import assert from 'node:assert/strict';
import { runDockerCommand } from '../../../../src/engine/sim/cli/sim-cli.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('moby fixes: run -i with an attached stdin that ends', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const img = 'drydock/busybox:1.35';

  it('ends cat at the end of the input, given or empty', () => {
    const given = e.dockerSync(['run', '--rm', '-i', img, 'cat'], { stdin: 'abc\n' });
    assert.deepEqual([given.stdout, given.exitCode], ['abc\n', 0]);
    const empty = e.dockerSync(['run', '--rm', '-i', img, 'cat'], { stdin: '' });
    assert.deepEqual([empty.stdout, empty.stderr, empty.exitCode], ['', '', 0]);
  });

  it('keeps stdin open when detached, or when the client reads a terminal', () => {
    assert.equal(e.dockerSync(['run', '-di', '--name', 'open1', img, 'cat']).exitCode, 0);
    assert.equal(e.dockerSync(['inspect', '-f', '{{.State.Running}}', 'open1']).stdout, 'true\n');
    const r = runDockerCommand(e.daemon, ['run', '--rm', '-i', img, 'cat'], { stdin: new Uint8Array(0), cwd: '/', env: new Map(), stdinIsTerminal: true });
    assert.equal(r.exitCode, 124);
    assert.match(r.stderr, /keeps running/);
  });
});
