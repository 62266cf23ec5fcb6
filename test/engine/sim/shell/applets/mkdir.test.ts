// busybox `mkdir` on the simulator, pinned to the output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c
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

describe('mkdir and rmdir -v', () => {
  it('prints what -v does', () => {
    assert.deepEqual(sh("mkdir -v /q; mkdir -pv /q/w/e /x//y/"), ["created directory: '/q'\ncreated directory: '/q/w/'\ncreated directory: '/q/w/e'\ncreated directory: '/x//'\ncreated directory: '/x//y/'\n", '', 0]);
    assert.deepEqual(sh('mkdir -p /a/b/c; rmdir -v /a/b/c; rmdir -pv /a/b; echo $?'), [
      "rmdir: removing directory, '/a/b/c'\nrmdir: removing directory, '/a/b'\nrmdir: removing directory, '/a'\nrmdir: removing directory, '/'\n1\n",
      "rmdir: '/': Device or resource busy\n",
      0,
    ]);
  });
});
