// A user process looking below a folder it may not search (/root is 0700) gets EACCES from the kernel whether
// the name exists or not, and each busybox applet words it its own way. Expected texts observed on Docker 20.10
// with busybox-static 1.35 as uid 1000 (`docker run -u 1000 … sh -c '…' 2>&1`).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

const asUser = (script: string) => {
  const engine = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const r = engine.dockerSync(['run', '--rm', '-u', '1000', 'drydock/busybox:1.35', 'sh', '-c', `${script} 2>&1; echo "rc=$?"`]);
  assert.equal(r.stderr, '');
  return r.stdout;
};

describe('shell: paths below a folder the user may not search', () => {
  const cases: [string, string][] = [
    ['cat /root/x', "cat: can't open '/root/x': Permission denied\nrc=1\n"],
    ['stat /root/x', "stat: can't stat '/root/x': Permission denied\nrc=1\n"],
    ['rm /root/z', "rm: can't stat '/root/z': Permission denied\nrc=1\n"],
    ['ls /root/x', 'ls: /root/x: Permission denied\nrc=1\n'],
    ['du -s /root', "du: can't open '/root': Permission denied\nrc=1\n"],
    ['cp /bin/sh /root/', "cp: can't stat '/root/sh': Permission denied\nrc=1\n"],
    ['sh /root/s.sh', "sh: can't open '/root/s.sh': Permission denied\nrc=2\n"],
    ['/root/bin', 'sh: /root/bin: Permission denied\nrc=126\n'],
    ['/root/bin/x', 'sh: /root/bin/x: Permission denied\nrc=126\n'],
    ['test -e /root/x', 'rc=1\n'],
  ];
  for (const [script, expected] of cases) {
    it(script, () => assert.equal(asUser(script), expected));
  }
});
