// --read-only makes /etc/hosts, /etc/resolv.conf and /etc/hostname read-only too: the daemon mounts them
// writable only when the root filesystem is (NetworkMounts); a bind mount of the user's over one of them keeps
// its own mode. Observed with Docker 20.10.24 (moby's TestRunContainerWithReadonlyRootfs,
// TestRunNetworkFilesBindMountROFilesystem).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('moby fixes: the network files under --read-only', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const run = (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };

  it('refuses writes to the three files on a read-only root', () => {
    const [, stderr, code] = run('run', '--network', 'none', '--read-only', '--rm', 'drydock/busybox:1.35', 'touch', '/etc/hosts', '/etc/resolv.conf', '/etc/hostname');
    assert.equal(code, 1);
    assert.equal(stderr, ['/etc/hosts', '/etc/resolv.conf', '/etc/hostname'].map((f) => `touch: ${f}: Read-only file system\n`).join(''));
  });

  it('keeps them writable on a writable root', () => {
    assert.deepEqual(run('run', '--network', 'none', '--rm', 'drydock/busybox:1.35', 'touch', '/etc/hosts', '/etc/resolv.conf', '/etc/hostname'), ['', '', 0]);
  });
});
