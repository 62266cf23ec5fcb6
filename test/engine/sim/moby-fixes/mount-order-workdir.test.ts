// Mount and create-time rules moby's run tests showed on Docker 20.10.24: a plain `-v /path` is one of
// Config.Volumes and is mounted only where --volumes-from (or anything else) did not mount already, with paths
// compared cleaned (VOLUME /foo/ and -v /foo are one mount); --volumes-from's bad mode is "invalid mode"; a
// working directory that is a file fails the create; import of a missing file prints os.Open's error as is.

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

function sim() {
  const host = new TreeBackend();
  host.put('/w', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
  host.put('/w/ctx', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
  host.put('/w/ctx/Dockerfile', { kind: 'file', data: new TextEncoder().encode('FROM drydock/busybox:1.35\nVOLUME /foo/\n'), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
  const e = createSimEngine({ host, cwd: '/w' });
  return (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
}

describe('moby fixes: Config.Volumes, --volumes-from modes, working directories', () => {
  it('lets --volumes-from win over a plain -v at the same path (TestRunApplyVolumesFromBeforeVolumes)', () => {
    const run = sim();
    run('run', '--name', 'parent', '-v', '/test', 'drydock/busybox:1.35', 'touch', '/test/foo');
    assert.deepEqual(run('run', '--name', 'cc', '--volumes-from', 'parent', '-v', '/test', 'drydock/busybox:1.35', 'cat', '/test/foo'), ['', '', 0]);
    assert.equal(run('inspect', '-f', '{{len .Mounts}}', 'cc')[0], '1\n');
  });

  it('makes one mount of VOLUME /foo/ and -v /foo (TestRunVolumesCleanPaths)', () => {
    const run = sim();
    run('build', '-q', '-t', 'vc', 'ctx');
    run('run', '--name', 'cc', '-v', '/foo', '-v', '/bar/', 'vc', 'true');
    assert.equal(run('inspect', '-f', '{{len .Mounts}}', 'cc')[0], '2\n');
  });

  it('says "invalid mode" for a bad --volumes-from mode', () => {
    const run = sim();
    run('create', '--name', 'parent', '-v', '/test', 'drydock/busybox:1.35', 'true');
    assert.equal(run('create', '--name', 'cc', '--volumes-from', 'parent:bar', 'drydock/busybox:1.35', 'true')[1], 'Error response from daemon: invalid mode: bar\n');
  });

  it('fails the create of a working directory that is a file, leaving nothing', () => {
    const run = sim();
    assert.deepEqual(run('create', '--name', 'cc', '-w', '/bin/cat', '-v', '/v', 'drydock/busybox:1.35', 'true'), ['', 'Error response from daemon: Cannot mkdir: /bin/cat is not a directory\n', 1]);
    assert.equal(run('ps', '-aq')[0], '');
    assert.equal(run('volume', 'ls', '-q')[0], '');
  });

  it('prints os.Open\'s error for a missing import file', () => {
    assert.deepEqual(sim()('import', 'example.com/myImage.tar'), ['', 'open example.com/myImage.tar: no such file or directory\n', 1]);
  });
});
