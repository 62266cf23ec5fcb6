// --mount type=volume with a source that is not a volume name (a host path): the daemon creates each named
// volume as registerMountPoints reaches it, so the local driver refuses the name, after the duplicate mount
// point check of that mount. Observed with Docker 20.10.24 (moby's TestRunMount).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('moby fixes: --mount type=volume with a host path as its source', () => {
  const host = new TreeBackend();
  const e = createSimEngine({ host, cwd: '/' });
  const run = (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
  const img = 'drydock/busybox:1.35';
  const invalid = (name: string) =>
    `docker: Error response from daemon: create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path.\nSee 'docker run --help'.\n`;

  it('refuses the name, first mount first, and makes nothing', () => {
    assert.deepEqual(run('run', '--name', 'm1', '--mount', 'type=volume,src=/a/b,dst=/foo', '--mount', 'type=volume,src=/c,dst=/bar', img, 'true'), ['', invalid('/a/b'), 125]);
    assert.equal(run('ps', '-aq')[0], '');
    assert.equal(run('volume', 'ls', '-q')[0], '');
  });

  it('reports a duplicate mount point before the name', () => {
    assert.equal(run('run', '-v', '/tmp:/foo', '--mount', 'type=volume,src=/c,target=/foo', img, 'true')[1], "docker: Error response from daemon: Duplicate mount point: /foo.\nSee 'docker run --help'.\n");
  });
});
