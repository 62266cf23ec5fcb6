// Every applet's "Not a directory" text, pinned to the output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c
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

describe('applets: ENOTDIR texts', () => {
  it('reports a path through a file as "Not a directory" in every applet', () => {
    const [, err] = sh(
      'stat /etc/hosts/; cat /etc/hosts/x; head /etc/hosts/x; wc /etc/hosts/; find /etc/hosts/; grep x /etc/hosts/x; du /etc/hosts/x; ' +
        'chmod 644 /etc/hosts/x; chown 0 /etc/hosts/x; cp /etc/hosts/x /tmp; ln /etc/hosts/x /tmp/q; touch -r /etc/hosts/x /tmp/w; rm -f /etc/hosts/x',
    );
    assert.equal(
      err,
      "stat: can't stat '/etc/hosts/': Not a directory\ncat: can't open '/etc/hosts/x': Not a directory\nhead: /etc/hosts/x: Not a directory\n" +
        'wc: /etc/hosts/: Not a directory\nfind: /etc/hosts/: Not a directory\ngrep: /etc/hosts/x: Not a directory\ndu: /etc/hosts/x: Not a directory\n' +
        "chmod: /etc/hosts/x: Not a directory\nchown: /etc/hosts/x: Not a directory\ncp: can't stat '/etc/hosts/x': Path has non-directory component\n" +
        "ln: /etc/hosts/x: Not a directory\ntouch: can't stat '/etc/hosts/x': Not a directory\nrm: can't stat '/etc/hosts/x': Not a directory\n",
    );
  });
});
