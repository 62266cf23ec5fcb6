// busybox `md5sum` on the simulator, pinned to the output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c
// '…'` on Docker 20.10 (Debian's busybox-static 1.35.0).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../../src/engine/sim/node/create-sim-engine.js';

const engine = createSimEngine({ host: new TreeBackend(), cwd: '/' });
/** stdout, stderr and exit status of `sh -c script` in a fresh busybox container. */
function sh(script: string): [string, string, number] {
  const r = engine.dockerSync(['run', '--rm', '--network', 'none', 'drydock/busybox:1.35', 'sh', '-c', script]);
  return [r.stdout, r.stderr, r.exitCode];
}

describe('md5sum', () => {
  it('counts a malformed md5sum -c line as a failure', () => {
    assert.deepEqual(sh('echo junk > /tmp/j; md5sum -c /tmp/j; echo $?; md5sum -c /nope; echo $?'), [
      '1\n1\n',
      'md5sum: WARNING: 1 of 1 computed checksums did NOT match\nmd5sum: /nope: No such file or directory\n',
      0,
    ]);
  });
});
