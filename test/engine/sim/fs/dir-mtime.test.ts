import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

// A directory's mtime moves when an entry is added to it or removed from it (measured on 20.10: after
// `touch /tmp/x; rm /bin/ls`, /tmp and /bin carry the time of those commands; the image's time before).

describe('simulator: directory mtimes', () => {
  it('moves a directory\'s mtime when entries come and go, in the container layer and in a volume', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    const r = e.dockerSync(['run', '--rm', '-v', 'dmt:/vol', 'drydock/busybox:1.35', 'sh', '-c',
      'stat -c %Y /tmp /bin /etc /vol; sleep 50; touch /tmp/x; rm /bin/ls; ln -s a /etc/l; mkdir /vol/d; stat -c %Y /tmp /bin /etc /vol; sleep 50; mv /tmp/x /etc/x; stat -c %Y /tmp /etc; date +%s']);
    assert.equal(r.exitCode, 0, r.stderr);
    const [tmp0, bin0, etc0, , tmp1, bin1, etc1, vol1, tmp2, etc2, now] = r.stdout.trim().split('\n').map(Number) as number[];
    assert.ok(tmp0 !== undefined && now !== undefined);
    for (const before of [tmp0, bin0]) assert.ok((before as number) < now - 100, 'the image\'s time first');
    // /etc was copied up into the init layer when the container was made, and carries that time
    assert.ok(Math.abs((etc0 as number) - (now - 100)) <= 1);
    for (const after of [tmp1, bin1, etc1, vol1]) assert.ok(Math.abs((after as number) - (now - 50)) <= 1, `after the changes: ${after} vs ${now}`);
    // rename changes both directories
    assert.ok(Math.abs((tmp2 as number) - now) <= 1 && Math.abs((etc2 as number) - now) <= 1);
    // writing into a file that exists does not
    const w = e.dockerSync(['run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', 'echo a > /tmp/f; stat -c %Y /tmp; sleep 50; echo b >> /tmp/f; stat -c %Y /tmp']);
    const [a, b] = w.stdout.trim().split('\n');
    assert.ok(a !== undefined && a === b, w.stdout);
  });
});
