// A container's ResolvConfPath, HostnamePath, HostsPath and LogPath are written by its first start: empty for
// a container never started, the network files but no log for a start the daemon refused (unknown user, exit
// code 128), all four once runc was asked. Observed with Docker 20.10.24 (moby's TestCreateArgs).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('moby fixes: inspect paths of containers not started', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const run = (...argv: string[]) => e.dockerSync(argv);
  const paths = (name: string) => {
    const id = run('inspect', '-f', '{{.Id}}', name).stdout.trim();
    return run('inspect', '-f', '{{.ResolvConfPath}}|{{.HostnamePath}}|{{.HostsPath}}|{{.LogPath}}', name).stdout.replaceAll(`/var/lib/docker/containers/${id}`, 'D');
  };

  it('are empty for a created container', () => {
    run('create', '--name', 'c0', 'drydock/busybox:1.35', 'true');
    assert.equal(paths('c0'), '|||\n');
  });

  it('lack only the log after a start refused by the daemon', () => {
    run('run', '-d', '--name', 'c1', '-u', 'nobody:x', 'drydock/busybox:1.35', 'true');
    assert.equal(paths('c1'), 'D/resolv.conf|D/hostname|D/hosts|\n');
  });

  it('are all set after an OCI failure or a start', () => {
    run('run', '-d', '--name', 'c2', 'drydock/busybox:1.35', 'nosuchcmd');
    run('run', '--name', 'c3', 'drydock/busybox:1.35', 'true');
    for (const c of ['c2', 'c3']) assert.match(paths(c), /^D\/resolv\.conf\|D\/hostname\|D\/hosts\|D\/[0-9a-f]{64}-json\.log\n$/);
  });
});
