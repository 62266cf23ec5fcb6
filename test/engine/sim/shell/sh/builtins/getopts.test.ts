// The shell's getopts builtin, pinned to the output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c '…'`
// on Docker 20.10 (Debian's busybox-static 1.35.0).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../../../src/engine/sim/node/create-sim-engine.js';

const engine = createSimEngine({ host: new TreeBackend(), cwd: '/' });
/** stdout, stderr and exit status of `sh -c script` in a fresh busybox container. */
function sh(script: string): [string, string, number] {
  const r = engine.dockerSync(['run', '--rm', '--network', 'none', 'drydock/busybox:1.35', 'sh', '-c', script]);
  return [r.stdout, r.stderr, r.exitCode];
}

describe('sh: getopts', () => {
  it('empties OPTARG for an option without an argument', () => {
    assert.equal(sh('while getopts ab:c o -a -b val -c rest; do echo "$o ${OPTARG-unset}"; done; echo $OPTIND')[0], 'a \nb val\nc \n5\n');
  });
});
