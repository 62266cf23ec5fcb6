// docker cp from a container resolves the directory part of the path in the container's scope and appends the
// last element (container.ResolvePath): a path ending in / or /. has no last element, so a link to a directory
// is followed and its contents copied. Observed with Docker 20.10.24: moby's TestCopyFromContainer.

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('moby fixes: docker cp of a link to a directory with a trailing slash', () => {
  it('copies the directory the link points at; without the slash, the link itself', () => {
    const host = new TreeBackend();
    host.put('/w', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    const e = createSimEngine({ host, cwd: '/w' });
    const run = (...argv: string[]) => e.dockerSync(argv);
    assert.equal(run('run', '--name', 'c1', 'drydock/busybox:1.35', 'sh', '-c', 'mkdir -p /bar/quux && echo world > /bar/quux/baz && ln -s quux /bar/dirsymlink').exitCode, 0);
    assert.equal(run('cp', 'c1:bar/dirsymlink/', 'o1').exitCode, 0);
    assert.equal(host.get('/w/o1')?.kind, 'dir');
    const baz = host.get('/w/o1/baz');
    assert.equal(baz?.kind === 'file' ? new TextDecoder().decode(baz.data) : null, 'world\n');
    assert.equal(run('cp', 'c1:bar/dirsymlink', 'o2').exitCode, 0);
    assert.equal(host.get('/w/o2')?.kind, 'symlink');
  });
});
