// busybox `realpath` on the simulator, pinned to the output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c
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

describe('realpath', () => {
  it('resolves missing names as xmalloc_realpath_coreutils does', () => {
    assert.deepEqual(sh('for p in /nope /tmp/nope tmp/nope nope /bin/../nope "" ./nope; do realpath "$p"; echo "rc=$?"; done'), [
      '/nope\nrc=0\n/tmp/nope\nrc=0\n/tmp/nope\nrc=0\nrc=1\n//nope\nrc=0\nrc=1\n//nope\nrc=0\n',
      'realpath: nope: No such file or directory\nrealpath: : No such file or directory\n',
      0,
    ]);
    // a dangling relative link is resolved from the working directory, not from the link's own
    assert.equal(sh('ln -s nope /tmp/d2; mkdir /tmp/sub; ln -s nope /tmp/sub/d4; cd /etc; readlink -f /tmp/d2; readlink -f /tmp/sub/d4; realpath /tmp/d2')[0], '/etc/nope\n/etc/nope\n/etc/nope\n');
  });
});
