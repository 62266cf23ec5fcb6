// busybox `sed` on the simulator, pinned to the output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c
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

describe('sed', () => {
  it('knows q without an exit code, l as a no-op, and neither Q nor z', () => {
    assert.deepEqual(sh("printf 'hello\\n' | sed q5; echo \"rc=$?\"; printf 'a\\n' | sed l; printf 'a\\tb\\n' | sed -n l"), ['rc=1\na\n', 'sed: missing command\n', 0]);
    assert.deepEqual(sh("printf 'a\\n' | sed Q; printf 'a\\n' | sed z"), ['', 'sed: unsupported command Q\nsed: unsupported command z\n', 1]);
  });

  it('keeps one which_match: the last of g and N wins', () => {
    assert.equal(sh("printf 'abcabc\\n' | sed 's/b/X/2g'; printf 'abcabc\\n' | sed 's/b/X/g2'")[0], 'aXcaXc\nabcaXc\n');
  });

  it('terminates what follows an unterminated last line, per file', () => {
    assert.equal(sh("printf 'a\\nb' | sed '$a END'")[0], 'a\nb\nEND\n');
    assert.equal(sh("printf 'a woo\\nb woo' > /tmp/f1; printf 'c no\\nd no' > /tmp/f2; sed 's/o/0/' /tmp/f1 /tmp/f2")[0], 'a w0o\nb w0o\nc n0\nd n0');
    assert.equal(sh("printf 'x' | sed p; echo; printf 'x\\ny' | sed G; printf 'x' | sed 's/x//' | wc -c")[0], 'x\nx\nx\n\ny\n\n0\n');
  });

  it('starts a numeric range on the first line at or after it, and treats line 0 as no address', () => {
    assert.equal(sh("printf '1\\n2\\n3\\n4\\n' | sed -n '1{N;N;d};1p;2,3p;3p;4p'; printf '1\\n2\\n' | sed -n 0p")[0], '4\n4\n1\n2\n');
  });

  it('backs up with -iSUFFIX and has only the options of 1.35', () => {
    assert.equal(sh("printf 'a\\n' > /tmp/f; sed -i.bak 's/a/b/' /tmp/f; cat /tmp/f /tmp/f.bak")[0], 'b\na\n');
    assert.deepEqual(sh('sed -i p /nonexist; echo $?; sed -i p'), ['1\n', 'sed: /nonexist: No such file or directory\nsed: -i requires an argument\n', 1]);
    assert.match(sh('sed -s p /dev/null')[1], /^sed: invalid option -- 's'\n/);
  });
});
