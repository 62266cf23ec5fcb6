// docker rmi's reference rules, as moby's ImageDelete has them: an ID removes the tags only when they are one
// repository with at most one tag (isSingleReference), and a blank name is refused by the route. Texts as
// Docker 20.10 (client and engine 20.10.24) printed them (moby's TestRmiImgIDMultipleTag, TestRmiBlank).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';
import { isSingleReference } from '../../../../src/engine/sim/image/image-store.js';

function sim() {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  return (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
}

describe('moby fixes: docker rmi references', () => {
  it('refuses an ID whose image has two tags in one repository, unless forced', () => {
    const run = sim();
    run('create', '--name', 'one', 'drydock/busybox:1.35', 'true');
    const id = run('commit', 'one', 'bb-one')[0].trim();
    run('tag', 'bb-one', 'bb-one:tag1');
    const [, err, code] = run('rmi', id);
    assert.equal(code, 1);
    assert.equal(err, `Error response from daemon: conflict: unable to delete ${id.slice(7, 19)} (must be forced) - image is referenced in multiple repositories\n`);
    assert.deepEqual(run('rmi', '-f', id)[0].split('\n').filter((l) => l.startsWith('Untagged')), ['Untagged: bb-one:latest', 'Untagged: bb-one:tag1']);
  });

  it('untags the single tag of an image removed by ID', () => {
    const run = sim();
    run('create', '--name', 'one', 'drydock/busybox:1.35', 'true');
    const id = run('commit', 'one', 'bb-one')[0].trim();
    assert.equal(run('rmi', id)[0].split('\n')[0], 'Untagged: bb-one:latest');
  });

  it('refuses a blank name; an empty one is not found', () => {
    const run = sim();
    assert.deepEqual(run('rmi', ' '), ['', 'Error response from daemon: image name cannot be blank\n', 1]);
    assert.deepEqual(run('rmi', ''), ['', 'Error: No such image: \n', 1]);
  });

  it('isSingleReference: one tag, or one tag plus digests of its repository', () => {
    assert.equal(isSingleReference([]), false);
    assert.equal(isSingleReference(['a:1']), true);
    assert.equal(isSingleReference(['a:1', 'a:2']), false);
    assert.equal(isSingleReference(['a:1', 'a@sha256:00']), true);
    assert.equal(isSingleReference(['a:1', 'b@sha256:00']), false);
  });
});
