// busybox `cut` on the simulator, pinned to the output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c
// '…'` on Docker 20.10 (Debian's busybox-static 1.35.0).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../../src/engine/sim/node/create-sim-engine.js';

const engine = createSimEngine({ host: new TreeBackend(), cwd: '/' });
/** stdout, stderr and exit status of `sh -c script` in a fresh busybox container. */
function sh(script: string): [string, string, number] {
  const r = engine.dockerSync(['run', '--rm', '--network', 'none', 'drydock/busybox:1.35', 'sh', '-c', script]);
  return [r.stdout, r.stderr, r.exitCode];
}

describe('cut', () => {
  it('parses cut lists like busybox (0 is 1, "N-M" errors as "M<N-1", bytes not characters)', () => {
    const script = 'for l in 5-2 a 1-a "" - 0-0 -0 1,,2 1-2-3 2-1 3-1 2-0; do printf "abcdef\\n" | cut -c "$l" 2>&1; echo "rc=$?"; done';
    assert.equal(
      sh(script)[0],
      "cut: 2<4\nrc=1\ncut: invalid number 'a'\nrc=1\ncut: invalid number 'a'\nrc=1\ncut: missing list of positions\nrc=1\nabcdef\nrc=0\na\nrc=0\na\nrc=0\nab\nrc=0\n" +
        "cut: invalid number '2-3'\nrc=1\nb\nrc=0\ncut: 1<2\nrc=1\ncut: 0<1\nrc=1\n",
    );
    assert.equal(sh("printf 'h\\303\\251llo\\n' | cut -c1-2 | wc -c; printf 'a:b\\n' | cut -d ab -f1; printf 'a:b\\n' | cut -d '' -f1")[0], '3\n\na:b\n');
  });
});
