// Simulator differences the random differential tester (npm run fuzz:diff) found against Docker 20.10, each
// held here to what the real engine printed for the shrunk reproducer.

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

function engine() {
  const host = new TreeBackend();
  host.put('/w', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
  return createSimEngine({ host, cwd: '/w' });
}

const outcome = (r: { exitCode: number; stdout: string; stderr: string }) => [r.exitCode, r.stdout, r.stderr];

describe('simulator: what the random differential tester found', () => {
  it('load -i and import of a missing file print the client\'s bare os.Open error with the path as typed', () => {
    const e = engine();
    assert.deepEqual(outcome(e.dockerSync(['load', '-i', 'out/none.tar'])), [1, '', 'open out/none.tar: no such file or directory\n']);
    assert.deepEqual(outcome(e.dockerSync(['import', 'out/none.tar', 'x:1'])), [1, '', 'open out/none.tar: no such file or directory\n']);
  });

  it('save of a missing tagged name says "reference does not exist", of a missing bare name "No such image"', () => {
    const e = engine();
    assert.deepEqual(outcome(e.dockerSync(['save', '-o', 'x.tar', 'nothere:1'])), [1, '', 'Error response from daemon: reference does not exist\n']);
    assert.deepEqual(outcome(e.dockerSync(['save', '-o', 'x.tar', 'nothere'])), [1, '', 'Error response from daemon: No such image: nothere\n']);
  });
});
