// `docker cp` on the simulator, against what Docker 20.10 (client and engine 20.10.24) printed for the same
// commands (observed with /usr/bin/docker, busybox image, overlay2 without quotas).

import assert from 'node:assert/strict';
import { readTar } from '../../../../../src/tar/tar.js';
import { TreeBackend } from '../../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../../src/engine/sim/node/create-sim-engine.js';

const dir = { kind: 'dir' as const, opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 };
const text = (s: string) => ({ kind: 'file' as const, data: new TextEncoder().encode(s), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
function sim(host = new TreeBackend()) {
  const e = createSimEngine({ host, cwd: '/w' });
  return (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
}

describe('docker cp', () => {
  const setup = () => {
    const host = new TreeBackend();
    host.put('/w', dir);
    host.put('/w/hfile', text('top\n'));
    host.put('/w/hd', dir);
    const docker = sim(host);
    assert.equal(docker('run', '--network', 'none', '--name', 'ddx-q', '-w', '/tmp', 'drydock/busybox:1.35', 'sh', '-c', 'mkdir -p /tmp/d/e && echo x > /tmp/d/e/f && ln -s /nowhere /l')[2], 0);
    return { host, docker };
  };

  it('prints the client`s and the API`s errors as the 20.10 client does', () => {
    const { docker } = setup();
    const fails = (stderr: string, ...argv: string[]) => assert.deepEqual(docker('cp', ...argv), ['', stderr, 1], argv.join(' '));
    fails('Error: No such container:path: ddx-q:/nonexist\n', 'ddx-q:/nonexist', './x');
    fails('Error: No such container:path: ddx-q:nonexist\n', 'ddx-q:nonexist', './x');
    fails('no such directory\n', 'ddx-q:/tmp/d/e/f', './nodir/');
    fails('invalid output path: directory "/w/nodir" does not exist\n', 'ddx-q:/tmp/d/e/f', './nodir/x');
    fails('stat /w/hfile/: not a directory\n', 'ddx-q:/tmp/d/e/f', './hfile/');
    fails('stat /w/hfile/x: not a directory\n', 'ddx-q:/tmp/d/e/f', './hfile/x');
    fails('cannot copy directory\n', 'ddx-q:/tmp/d', 'hfile');
    fails('Error: No such container:path: ddx-q:/nowhere\n', '-L', 'ddx-q:/l', './lnk2');
    fails('Error: No such container:path: ddx-q:/nonexist\n', './hd', 'ddx-q:/nonexist/dir');
    fails('no such directory\n', './hfile', 'ddx-q:/tmp/newdir/');
    fails('lstat /w/nosuchfile: no such file or directory\n', './nosuchfile', 'ddx-q:/tmp');
    fails('lstat /w/nosuchfile: no such file or directory\n', './nosuchfile', 'nosuchctr:/tmp');
    fails('Error: No such container:path: nosuchctr:/\n', './hfile', 'nosuchctr:/tmp');
    fails('cannot copy directory\n', './hd', 'ddx-q:/tmp/d/e/f');
    fails('destination "ddx-q:/tmp/d/e/f" must be a directory\n', '-', 'ddx-q:/tmp/d/e/f');
    fails('Error response from daemon: extraction point is not a directory\n', './hfile', 'ddx-q:/bin/sh/x');
    fails('Error response from daemon: Error processing tar file(exit status 1): cannot overwrite non-directory "/bin/busybox" with directory "/bin"\n', './hd', 'ddx-q:/bin/busybox/');
    fails('Error response from daemon: bad parameter: pathcannot be empty\n', 'ddx-q:', './root');
    fails('copying between containers is not supported\n', 'ddx-q:/a', 'ddx-q:/b');
    fails('must specify at least one container source\n', 'a', 'b');
  });

  it('reads container paths from the root, not the working directory', () => {
    const { docker } = setup();
    assert.deepEqual(docker('cp', './hfile', 'ddx-q:tmp/rel'), ['', '', 0]);
    assert.deepEqual(docker('diff', 'ddx-q')[0].split('\n').filter((l) => l.includes('rel')), ['A /tmp/rel']);
  });

  it('streams a tar as the daemon writes it: type bits in the mode, root names, whole seconds', () => {
    const { docker } = setup();
    const [out, , code] = docker('cp', 'ddx-q:/tmp/d', '-');
    assert.equal(code, 0);
    const bytes = Uint8Array.from(out, (c) => c.charCodeAt(0));
    // header of the first member: mode field at 100 (8 bytes), uname at 265, no PAX member before it
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 2)), 'd/');
    assert.equal(new TextDecoder().decode(bytes.subarray(100, 107)), '0040755');
    assert.equal(new TextDecoder().decode(bytes.subarray(265, 269)), 'root');
    const members = readTar(bytes);
    assert.deepEqual(members.map((m) => m.path), ['d/', 'd/e/', 'd/e/f'].map((p) => p.replace(/\/$/, '')));
    assert.ok(members.every((m) => m.mtime % 1000 === 0));
  });
});
