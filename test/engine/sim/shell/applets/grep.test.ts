// busybox `grep` on the simulator, pinned to the output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c
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

describe('grep', () => {
  it('matches nothing with an empty -f file and reads NUL-separated records with -z', () => {
    assert.deepEqual(sh("printf 'foo\\nbar\\n' | grep -f /dev/null; echo $?; printf 'foo\\0bar\\0' | grep -z o | tr '\\0' '\\n'"), ['1\nfoo\n', '', 0]);
  });

  it('reads /dev/stdin', () => {
    assert.deepEqual(sh("printf 'z\\n' | grep z /dev/stdin; printf 'z\\n' | cat /dev/stdin"), ['z\nz\n', '', 0]);
  });
});
