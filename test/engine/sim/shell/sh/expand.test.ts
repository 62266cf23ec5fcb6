// The shell's word expansion, pinned to the output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c '…'`
// on Docker 20.10 (Debian's busybox-static 1.35.0).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../../src/engine/sim/node/create-sim-engine.js';

const engine = createSimEngine({ host: new TreeBackend(), cwd: '/' });
/** stdout, stderr and exit status of `sh -c script` in a fresh busybox container. */
function sh(script: string): [string, string, number] {
  const r = engine.dockerSync(['run', '--rm', '--network', 'none', 'drydock/busybox:1.35', 'sh', '-c', script]);
  return [r.stdout, r.stderr, r.exitCode];
}

describe('sh: expansion', () => {
  it('keeps an empty quoted ${x-} / ${x+…} as one field', () => {
    assert.deepEqual(sh('echo "${x-unset}" "${x+set}"; x=; set -- "${x:-}" "${x-}" "${x+}" "${x:+}" ${x+}; echo $#'), ['unset \n4\n', '', 0]);
  });
});
