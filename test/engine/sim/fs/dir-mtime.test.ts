import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MountedFs } from '../../../../src/engine/sim/fs/mounted-fs.js';
import { DiskHostBackend } from '../../../../src/engine/sim/node/disk-host-backend.js';
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

  it('moves the container root\'s mtime too (kept beside the container layer, never in docker diff)', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    const r = e.dockerSync(['run', '--name', 'root-mtime', 'drydock/busybox:1.35', 'sh', '-c', 'stat -c %Y /; sleep 50; touch /x; stat -c %Y /']);
    const [before, after] = r.stdout.trim().split('\n').map(Number);
    assert.ok(before !== undefined && after !== undefined && after - before >= 50, r.stdout);
    assert.equal(e.dockerSync(['diff', 'root-mtime']).stdout, 'A /x\n');
  });

  it('leaves the dates of a real disk (the host of drydock docker) to its kernel', () => {
    const root = mkdtempSync(join(tmpdir(), 'drydock-dir-mtime-'));
    try {
      // a simulator clock far from the real one: it must not end up on the host's directory
      const fs = new MountedFs(new DiskHostBackend(root), false, () => ({ uid: 0, gid: 0, now: Date.UTC(2000, 0, 1) }));
      fs.mkdir('/d');
      fs.writeFile('/d/f', new TextEncoder().encode('x'));
      assert.ok(Math.abs(statSync(join(root, 'd')).mtimeMs - Date.now()) < 60_000);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
