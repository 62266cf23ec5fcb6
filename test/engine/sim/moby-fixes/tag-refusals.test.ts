// docker tag's refusals from the reference store (reference/store.go AddTag): the client refuses a digest
// reference before any request, the daemon a name that is the digest algorithm. Texts as Docker 20.10.24
// printed them (moby's TestTagInvalidReference and TestTagMatchesDigest).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('moby fixes: docker tag refusals', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const run = (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };

  it('refuses a digest reference on the client side', () => {
    const digest = 'bb@sha256:abcdef76720241213f5303bda7704ec4c2ef75613173910a56fb1b6e20251507';
    assert.deepEqual(run('tag', 'drydock/busybox:1.35', digest), ['', 'refusing to create a tag with a digest reference\n', 1]);
    assert.deepEqual(run('tag', 'nosuch', digest), ['', 'refusing to create a tag with a digest reference\n', 1]);
  });

  it('refuses sha256 as a name, after finding the image', () => {
    const ambiguous = 'Error response from daemon: refusing to create an ambiguous tag using digest algorithm as name\n';
    assert.deepEqual(run('tag', 'drydock/busybox:1.35', 'sha256:sometag'), ['', ambiguous, 1]);
    assert.deepEqual(run('tag', 'drydock/busybox:1.35', 'library/sha256'), ['', ambiguous, 1]);
    assert.deepEqual(run('tag', 'nosuch', 'sha256:x'), ['', 'Error response from daemon: No such image: nosuch:latest\n', 1]);
    assert.equal(run('images', '-q', 'sha256')[0], '');
  });
});
