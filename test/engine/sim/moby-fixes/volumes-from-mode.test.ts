// --volumes-from copies each mount point without its Mode, and read-write only where the source's is and the
// given mode allows (`:rw` keeps a read-only source read-only). Observed with Docker 20.10.24 (moby's
// TestVolumeFromMixedRWOptions; registerMountPoints copies Type, Name, Source, RW, Driver, Destination).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('moby fixes: --volumes-from modes', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const run = (...argv: string[]) => e.dockerSync(argv);
  const img = 'drydock/busybox:1.35';
  const mounts = (name: string) => run('inspect', '-f', '{{range .Mounts}}{{.Destination}} {{.RW}} [{{.Mode}}];{{end}}', name).stdout;

  it('gives the copies an empty Mode and the RW the mode asks for', () => {
    run('run', '--name', 'parent', '-v', '/test', '-v', 'named1:/named', '-v', '/tmp:/ro:ro', img, 'true');
    run('run', '--name', 'c-ro', '--volumes-from', 'parent:ro', img, 'true');
    run('run', '--name', 'c-rw', '--volumes-from', 'parent:rw', img, 'true');
    run('run', '--name', 'c-none', '--volumes-from', 'parent', img, 'true');
    assert.equal(mounts('c-ro'), '/named false [];/ro false [];/test false [];\n');
    assert.equal(mounts('c-rw'), '/named true [];/ro false [];/test true [];\n');
    assert.equal(mounts('c-none'), '/named true [];/ro false [];/test true [];\n');
  });
});
