// busybox `ls` on the simulator, pinned to the output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c
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

describe('ls', () => {
  it('accepts -k and -Q, takes an argument for -T, refuses -e/-Z/-K', () => {
    assert.deepEqual(sh('ls -k /etc'), ['hostname\nhosts\nmtab\nresolv.conf\n', '', 0]);
    assert.equal(sh('ls -T /etc')[0], 'bin\ndev\netc\nproc\nroot\nsbin\nsys\ntmp\nusr\nvar\n');
    for (const f of ['e', 'Z', 'K']) {
      const [out, err, code] = sh(`ls -${f} /etc`);
      assert.equal(out, '');
      assert.match(err, new RegExp(`^ls: invalid option -- '${f}'\\n`));
      assert.equal(code, 1);
    }
  });

  it('quotes with -Q and shows unprintable bytes as ?', () => {
    const [out] = sh(`cd /tmp; touch 'a"b' 'c\\d' "$(printf 'x\\ty')"; ls -Q; ls; ln -s 'we"ird' l; ls -lQ l | cut -c44-`);
    assert.equal(out.replace(/ \w{3} [ \d]\d \d\d:\d\d /, ' DATE '), '"a\\"b"\n"c\\\\d"\n"x?y"\na"b\nc\\d\nx?y\n DATE "l" -> "we\\"ird"\n');
    assert.equal(sh(`cd /tmp; touch "$(printf 'a\\001b')" "$(printf '\\303\\251')"; ls`)[0], 'a?b\n??\n');
  });

  it('follows a symlink named with a trailing slash and says "Not a directory" for file/', () => {
    const [out] = sh('ln -s /etc /tmp/e; ls /tmp/e/; ls -ld /tmp/e/ | cut -c1-10');
    assert.equal(out, 'hostname\nhosts\nmtab\nresolv.conf\ndrwxr-xr-x\n');
    assert.deepEqual(sh('ls -l /etc/hosts/; ls /etc/hosts/x'), ['', 'ls: /etc/hosts/: Not a directory\nls: /etc/hosts/x: Not a directory\n', 1]);
  });
});
