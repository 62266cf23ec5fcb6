// The order of the daemon's refusals at create, as verifyContainerSettings makes them before it looks for the
// image: the working directory, the stop signal, the health check, each --mount spec, the capabilities, then
// the resource settings. Observed with Docker 20.10.24 (probes combining two wrong settings).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('moby fixes: the order of the create checks', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const err = (...argv: string[]) => e.dockerSync(['run', ...argv]).stderr.split('\n')[0];
  const bind = ['--mount', 'type=bind,src=/nonexistent,dst=/x'];
  const missing = 'docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /nonexistent.';

  it('checks a --mount before the image, the capabilities and the memory', () => {
    assert.equal(err(...bind, 'nosuchimage'), missing);
    assert.equal(err(...bind, '--cap-add', 'bogus', '-m', '1', 'drydock/busybox:1.35'), missing);
  });

  it('checks the working directory before the stop signal and a --mount', () => {
    const workdir = "docker: Error response from daemon: the working directory 'rel' is invalid, it needs to be an absolute path.";
    assert.equal(err('-w', 'rel', ...bind, 'drydock/busybox:1.35'), workdir);
    assert.equal(err('--stop-signal', 'bogus', '-w', 'rel', 'drydock/busybox:1.35'), workdir);
  });
});
