import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

const dir = { kind: 'dir' as const, opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 };
const text = (s: string) => ({ kind: 'file' as const, data: new TextEncoder().encode(s), mode: 0o644, uid: 0, gid: 0, mtime: 0 });

describe('simulator: save/load, cp and exec -e', () => {
  it('loads what it saved into a fresh state: same ID, tag, history and files', () => {
    const host = new TreeBackend();
    const a = createSimEngine({ host, cwd: '/' });
    assert.equal(a.dockerSync(['run', '--name', 'ctr', 'centos', 'sh', '-c', 'echo kept > /kept.txt']).exitCode, 0);
    const id = a.dockerSync(['commit', 'ctr', 'mine/app:1']).stdout.trim();
    assert.equal(a.dockerSync(['save', '-o', '/app.tar', 'mine/app:1']).exitCode, 0);
    const b = createSimEngine({ host, cwd: '/' });
    const loaded = b.dockerSync(['load', '-i', '/app.tar']);
    assert.deepEqual([loaded.stdout, loaded.exitCode], ['Loaded image: mine/app:1\n', 0]);
    assert.equal(b.dockerSync(['image', 'inspect', '-f', '{{.Id}}', 'mine/app:1']).stdout.trim(), id);
    assert.equal(b.dockerSync(['run', '--rm', 'mine/app:1', 'cat', '/kept.txt']).stdout, 'kept\n');
    assert.equal(b.dockerSync(['history', '-q', 'mine/app:1']).stdout.split('\n').filter(Boolean).length, a.dockerSync(['history', '-q', 'mine/app:1']).stdout.split('\n').filter(Boolean).length);
  });

  it('copies both ways with docker cp, "dir/." meaning the contents, and refuses read-only targets', () => {
    const host = new TreeBackend();
    host.put('/src', dir);
    host.put('/src/a.txt', text('A\n'));
    const e = createSimEngine({ host, cwd: '/' });
    assert.equal(e.dockerSync(['run', '-d', '--name', 'ctr', '-v', '/ro:/ro:ro', 'centos', 'sleep', '300']).exitCode, 0);
    assert.equal(e.dockerSync(['cp', '/src', 'ctr:/tmp']).exitCode, 0);
    assert.equal(e.dockerSync(['exec', 'ctr', 'cat', '/tmp/src/a.txt']).stdout, 'A\n');
    assert.equal(e.dockerSync(['cp', '/src/.', 'ctr:/root']).exitCode, 0);
    assert.equal(e.dockerSync(['exec', 'ctr', 'cat', '/root/a.txt']).stdout, 'A\n');
    assert.equal(e.dockerSync(['cp', 'ctr:/etc/hostname', '/out.txt']).exitCode, 0);
    assert.equal(new TextDecoder().decode((host.get('/out.txt') as { data: Uint8Array }).data).length, 13);
    const ro = e.dockerSync(['cp', '/src/a.txt', 'ctr:/ro/']);
    assert.deepEqual([ro.stderr, ro.exitCode], ['Error response from daemon: mounted volume is marked read-only\n', 1]);
    const missing = e.dockerSync(['cp', 'nope:/x', '/y']);
    assert.deepEqual([missing.stderr, missing.exitCode], ['Error: No such container:path: nope:/x\n', 1]);
  });

  it('takes exec -e NAME from the client environment, and drops it when unset', () => {
    const e = createSimEngine({ env: new Map([['GREETING', 'hi']]) });
    assert.equal(e.dockerSync(['run', '-d', '--name', 'ctr', 'centos', 'sleep', '300']).exitCode, 0);
    assert.equal(e.dockerSync(['exec', '-e', 'GREETING', '-e', 'UNSET', '-e', 'X=1', 'ctr', 'sh', '-c', 'echo "$GREETING ${UNSET-none} $X"']).stdout, 'hi none 1\n');
  });
});
