// busybox `date` on the simulator, pinned to the output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c
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

describe('date', () => {
  it('prints week numbers and -I[SPEC]', () => {
    assert.equal(sh("date -d '2020-01-02' '+%U %V %G %g %W'; date -d '2021-01-03' '+%U %V %G %g %W'; date -d '2020-12-31' '+%U %V %G %g %W'")[0], '00 01 2020 20 00\n01 53 2020 20 00\n52 53 2020 20 52\n');
    assert.equal(
      sh('date -d @0 -Iseconds; date -d @0 -Ihours; date -d @0 -Iminutes; date -d @0 -Ins; date -d @0 -Idate')[0],
      '1970-01-01T00:00:00+00:00\n1970-01-01T00+00:00\n1970-01-01T00:00+00:00\n1970-01-01T00:00:00,000000000+00:00\n1970-01-01\n',
    );
  });
});
