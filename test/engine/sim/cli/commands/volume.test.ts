// `docker volume create/rm/prune` on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
// /usr/bin/docker).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../../src/engine/sim/node/create-sim-engine.js';

function sim(host = new TreeBackend()) {
  const e = createSimEngine({ host, cwd: '/w' });
  return (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
}

describe('docker volume', () => {
  it('refuses unknown drivers and the local driver`s bad options', () => {
    const docker = sim();
    assert.deepEqual(docker('volume', 'create', '-d', 'nosuchdriver', 'ddx-v3'), ['', 'Error response from daemon: create ddx-v3: error looking up volume plugin nosuchdriver: plugin "nosuchdriver" not found\n', 1]);
    assert.deepEqual(docker('volume', 'create', '-o', 'type=tmpfs', 'ddx-v4'), ['', 'Error response from daemon: create ddx-v4: missing required option: "device"\n', 1]);
    assert.deepEqual(docker('volume', 'create', '-o', 'foo=bar', 'ddx-v5'), ['', 'Error response from daemon: create ddx-v5: invalid option: "foo"\n', 1]);
    assert.deepEqual(docker('volume', 'create', '-o', 'size=1', 'ddx-v6'), ['', 'Error response from daemon: create ddx-v6: quota size requested but no quota support\n', 1]);
    assert.deepEqual(docker('volume', 'create', '-o', 'type=tmpfs', '-o', 'device=tmpfs', 'ddx-v7'), ['ddx-v7\n', '', 0]);
    assert.equal(docker('volume', 'ls', '-q')[0], 'ddx-v7\n');
  });

  it('rm -f: a missing volume is printed as removed; one in use is still refused', () => {
    const docker = sim();
    assert.deepEqual(docker('volume', 'rm', '-f', 'nosuch'), ['nosuch\n', '', 0]);
    docker('create', '--network', 'none', '--name', 'ddx-c', '-v', 'ddx-v:/d', 'drydock/busybox:1.35', 'true');
    const [out, err, code] = docker('volume', 'rm', '-f', 'ddx-v');
    assert.equal(out, '');
    assert.match(err, /^Error response from daemon: remove ddx-v: volume is in use - \[[0-9a-f]{64}\]\n$/);
    assert.equal(code, 1);
  });

  it('prune applies label and label! filters and refuses others', () => {
    const docker = sim();
    docker('volume', 'create', 'ddx-plain');
    docker('volume', 'create', '--label', 'a=1', 'ddx-labelled');
    assert.deepEqual(docker('volume', 'prune', '-f', '--filter', 'until=1h'), ['', "Error response from daemon: Invalid filter 'until'\n", 1]);
    assert.deepEqual(docker('volume', 'prune', '-f', '--filter', 'label=a=2'), ['Total reclaimed space: 0B\n', '', 0]);
    assert.deepEqual(docker('volume', 'prune', '-f', '--filter', 'label!=a'), ['Deleted Volumes:\nddx-plain\n\nTotal reclaimed space: 0B\n', '', 0]);
    assert.equal(docker('volume', 'ls', '-q')[0], 'ddx-labelled\n');
  });
});
