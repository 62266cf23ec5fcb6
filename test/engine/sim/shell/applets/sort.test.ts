// busybox `sort` on the simulator, pinned to the output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c
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

describe('sort', () => {
  it('checks order with -c and -cu, printing "Check line N"', () => {
    assert.deepEqual(sh("printf 'a\\nc\\nb\\nd\\n' | sort -c; echo $?; printf 'a\\nb\\nb\\n' | sort -cu; echo $?; printf 'a\\nb\\n' | sort -cr; echo $?; printf 'a\\nb\\nb\\n' | sort -c; echo $?"), [
      '1\n1\n1\n0\n',
      'Check line 2\nCheck line 2\nCheck line 1\n',
      0,
    ]);
  });
});

describe('sort and uniq', () => {
  it('has the options and exit statuses of 1.35', () => {
    const [, err, code] = sh("printf '1\\n' | sort -h");
    assert.match(err, /^sort: invalid option -- 'h'\n/);
    assert.equal(code, 2);
    assert.deepEqual(sh("printf 'b\\na\\n' | sort -S 1 -T /tmp -m; sort /nonexist; echo $?; sort -k 0 /etc/hosts; echo $?"), ['a\nb\n2\n2\n', 'sort: /nonexist: No such file or directory\nsort: bad field specification\n', 0]);
    assert.equal(sh("printf 'b\\0a\\0' | sort -z | tr '\\0' '\\n'")[0], 'a\nb\n');
  });
});
