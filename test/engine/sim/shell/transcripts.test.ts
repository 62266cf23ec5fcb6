// The in-container parts of the reference transcripts (docker-reference.md), replayed over a tree shaped like
// the cv-tomcat / cv-centos fixtures: what `docker exec … sh -c …` printed must come out of the simulator.

import assert from 'node:assert/strict';
import type { Stat, Vfs } from '../../../../src/engine/sim/fs/vfs.js';
import { BUSYBOX_APPLETS } from '../../../../src/engine/sim/shell/busybox-applets.js';
import { busyboxTree, run } from './helpers.js';
import type { RunOptions } from './helpers.js';
import { MemoryVfs } from './memory-vfs.js';
import type { TreeSpec } from './memory-vfs.js';

const T = Date.UTC(2026, 10, 22, 21, 26, 0);

function tomcatTree(extra: TreeSpec = {}): TreeSpec {
  const tree: TreeSpec = busyboxTree({
    '/usr/local/tomcat/bin/catalina.sh': { file: '#!/bin/sh\necho "Fake Catalina: $*"\nexec sleep 100000\n', mode: 0o755 },
    '/usr/local/tomcat/conf': { dir: true },
    '/usr/local/tomcat/logs': { dir: true },
    '/usr/local/tomcat/webapps/docs/index.html': '<h1>Tomcat docs</h1>\n',
    '/usr/local/tomcat/webapps.dist/docs/index.html': '<h1>Tomcat docs</h1>\n',
    '/usr/local/tomcat/webapps.dist/ROOT/index.jsp': '<h1>ROOT</h1>\n',
    '/usr/local/tomcat/webapps.dist/examples/index.html': 'examples\n',
    '/usr/local/tomcat/BUILDING.txt': '',
    '/usr/local/tomcat/LICENSE': '',
    '/usr/local/tomcat/NOTICE': '',
    '/usr/local/tomcat/RUNNING.txt': '',
    ...extra,
  });
  for (const a of BUSYBOX_APPLETS) if (a !== 'busybox' && a !== 'sh') tree[`/bin/${a}`] = { link: '/bin/busybox' };
  return tree;
}

// The overlay reports st_nlink 1 for directories that exist in several layers; MemoryVfs knows no layers.
function withMergedDirs(fs: MemoryVfs, merged: string[]): Vfs {
  const patch = (st: Stat | null, path: string): Stat | null => (st && merged.includes(path) ? ({ ...st, nlink: 1 } as Stat) : st);
  return Object.assign(Object.create(fs) as MemoryVfs, {
    lstat: (p: string) => patch(fs.lstat(p), p),
    stat: (p: string) => patch(fs.stat(p), p),
  });
}

const TOMCAT_ENV = { PATH: '/usr/local/tomcat/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'e30e2548f741', HOME: '/root', CATALINA_HOME: '/usr/local/tomcat' };

function tomcat(script: string, options: RunOptions = {}): ReturnType<typeof run> {
  return run(script, { now: T, cwd: '/usr/local/tomcat', env: TOMCAT_ENV, files: tomcatTree(), ...options });
}

describe('reference transcripts (in-container output)', () => {
  it('C04: ls of files and a directory from several layers', () => {
    const r = tomcat('ls /bin/busybox /bin/dd /usr/local/tomcat/bin/catalina.sh /usr/local/tomcat/webapps/docs');
    assert.equal(r.stdout, '/bin/busybox\n/bin/dd\n/usr/local/tomcat/bin/catalina.sh\n\n/usr/local/tomcat/webapps/docs:\nindex.html\n');
  });

  it('C01/C02: editing, deleting and creating files in the container', () => {
    const r = tomcat("echo edited >> webapps/docs/index.html; rm NOTICE; echo hi > /tmp/new.txt; pwd; hostname");
    assert.deepEqual([r.stdout, r.stderr, r.status], ['/usr/local/tomcat\ne30e2548f741\n', '', 0]);
    assert.equal(r.fs.text('/usr/local/tomcat/webapps/docs/index.html'), '<h1>Tomcat docs</h1>\nedited\n');
    const fresh = tomcat('cat webapps/docs/index.html; ls NOTICE; ls /tmp');
    assert.equal(fresh.stdout, '<h1>Tomcat docs</h1>\nNOTICE\n');
  });

  it('C03/C05: missing files and the kernel release', () => {
    const big = tomcat('ls /big.bin');
    assert.deepEqual([big.stderr, big.status], ['ls: /big.bin: No such file or directory\n', 1]);
    const kern = tomcat('uname -r; ls /boot');
    assert.deepEqual([kern.stdout, kern.stderr, kern.status], ['6.18.44-fc-v782\n', 'ls: /boot: No such file or directory\n', 1]);
    const dd = tomcat('dd if=/dev/zero of=/big.bin bs=1M count=5; ls -l /big.bin');
    assert.equal(dd.stderr, '5+0 records in\n5+0 records out\n');
    assert.equal(dd.stdout, '-rw-r--r--    1 0        0          5242880 Nov 22 21:26 /big.bin\n');
  });

  it('C07: counting files with grep -c', () => {
    const files: TreeSpec = {};
    for (let i = 1; i <= 124; i++) files[`/f${i}`] = '';
    const r = tomcat('ls / | grep -c ^f', { files: tomcatTree(files) });
    assert.equal(r.stdout, '124\n');
  });

  it('C09: rm -rf and ls -la with overlay link counts', () => {
    const fs = MemoryVfs.from(tomcatTree(), { now: () => T });
    const vfs = withMergedDirs(fs, ['/usr/local/tomcat', '/usr/local/tomcat/webapps']);
    const r = run('rm -rf webapps/docs; ls -la webapps', { fs: vfs as MemoryVfs, cwd: '/usr/local/tomcat', env: TOMCAT_ENV, now: T });
    assert.equal(r.stdout, 'total 8\ndrwxr-xr-x    1 0        0             4096 Nov 22 21:26 .\ndrwxr-xr-x    1 0        0             4096 Nov 22 21:26 ..\n');
  });

  it('C09 (seed 004): emptying webapps and copying webapps.dist into it', () => {
    const fs = MemoryVfs.from(tomcatTree(), { now: () => T });
    const opts = { fs, cwd: '/usr/local/tomcat', env: TOMCAT_ENV, now: T };
    assert.equal(run('rm -rf webapps/*; ls', opts).stdout, 'BUILDING.txt\nLICENSE\nNOTICE\nRUNNING.txt\nbin\nconf\nlogs\nwebapps\nwebapps.dist\n');
    assert.equal(run('cp -r webapps.dist/* webapps; ls webapps', opts).stdout, 'ROOT\ndocs\nexamples\n');
  });

  it('C16/C17: id without /etc/passwd, a missing state file, ps and /proc', () => {
    const proc: TreeSpec = {
      '/proc/1/cmdline': 'sleep\u0000300\u0000',
      '/proc/1/status': 'Name:\tsleep\nUid:\t0\t0\t0\t0\n',
      '/proc/6/cmdline': 'sh\u0000-c\u0000ps\u0000',
      '/proc/6/status': 'Uid:\t0\t0\t0\t0\n',
      '/proc/self/uid_map': '         0          0 4294967295\n',
    };
    const r = tomcat('echo pid1=$(cat /proc/1/cmdline | tr "\\0" " "); ps; id; echo data > /root/state.txt; cat /proc/self/uid_map', { files: tomcatTree(proc), cwd: '/' });
    assert.equal(r.stdout, 'pid1=sleep 300\nPID   USER     COMMAND\n    1 0        sleep 300\n    6 0        sh -c ps\nuid=0 gid=0 groups=0\n         0          0 4294967295\n');
    const gone = tomcat('cat /root/state.txt');
    assert.deepEqual([gone.stderr, gone.status], ["cat: can't open '/root/state.txt': No such file or directory\n", 1]);
  });

  it('C19/C35: an empty single-layer directory has two links', () => {
    const r = tomcat('ls -la /dataVolumeContainer', { files: tomcatTree({ '/dataVolumeContainer': { dir: true } }) });
    const fs = MemoryVfs.from(tomcatTree({ '/dataVolumeContainer': { dir: true } }), { now: () => T });
    const merged = run('ls -la /dataVolumeContainer', { fs: withMergedDirs(fs, ['/']) as MemoryVfs, now: T });
    assert.match(r.stdout, /^total 8\ndrwxr-xr-x {4}2 0 {8}0 {13}4096 Nov 22 21:26 \.\n/);
    assert.equal(merged.stdout, 'total 8\ndrwxr-xr-x    2 0        0             4096 Nov 22 21:26 .\ndrwxr-xr-x    1 0        0             4096 Nov 22 21:26 ..\n');
  });

  it('C25/C30: ls -a -l with /etc/passwd names, ls -R, id with names', () => {
    const files = tomcatTree({
      '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/sh\n',
      '/etc/group': 'root:x:0:\nnogroup:x:65534:\n',
      '/opt/abc.txt': 'abc from context\n',
      '/opt/wedapp/index.html': 'x',
      '/app/src/Dockerfile': '',
      '/app/src/child.txt': '',
      '/abc.txt': 'abc\n',
    });
    const fs = MemoryVfs.from(files, { now: () => T });
    const vfs = withMergedDirs(fs, ['/opt', '/']) as MemoryVfs;
    const ls = run('ls -a -l', { fs: vfs, cwd: '/opt', now: T });
    assert.equal(
      ls.stdout,
      'total 16\n' +
        'drwxr-xr-x    1 root     root          4096 Nov 22 21:26 .\n' +
        'drwxr-xr-x    1 root     root          4096 Nov 22 21:26 ..\n' +
        '-rw-r--r--    1 root     root            17 Nov 22 21:26 abc.txt\n' +
        'drwxr-xr-x    2 root     root          4096 Nov 22 21:26 wedapp\n',
    );
    const r = run('pwd; ls /app; cat /abc.txt /opt/abc.txt; id; ls /nope', { fs: vfs, cwd: '/opt', now: T });
    assert.equal(r.stdout, '/opt\nsrc\nabc\nabc from context\nuid=0(root) gid=0(root) groups=0(root)\n');
    assert.equal(r.stderr, 'ls: /nope: No such file or directory\n');
    assert.equal(run('ls -R /app', { fs: vfs, now: T }).stdout, '/app:\nsrc\n\n/app/src:\nDockerfile\nchild.txt\n');
  });

  it('C23/C24: echo through sh -c with arguments and $@', () => {
    assert.equal(run('echo at run time GREETING=$GREETING', { env: { GREETING: 'hello-from-env' } }).stdout, 'at run time GREETING=hello-from-env\n');
    const ep = run('echo shell-form-entrypoint got: "$@"', { env: {} });
    assert.equal(ep.stdout, 'shell-form-entrypoint got:\n');
  });

  it('C27 and 3.10: unknown commands, exit codes, mount', () => {
    const apt = run('apt-get update');
    assert.deepEqual([apt.stderr, apt.status], ['sh: apt-get: not found\n', 127]);
    assert.equal(run('exit 42').status, 42);
    const mount = run('mount -t tmpfs none /mnt');
    assert.deepEqual([mount.stderr, mount.status], ['mount: permission denied (are you root?)\n', 1]);
    const ok = run('mkdir -p /mnt && echo ok');
    assert.equal(ok.stdout, 'ok\n');
  });

  it('C34: grep -o over mountinfo', () => {
    const files = busyboxTree({ '/proc/self/mountinfo': '1 2 0:1 /var/lib/docker/volumes/8246c3801c14/_data /dataVolume1 rw\n3 4 0:2 /var/lib/docker/volumes/f1fbd76cb466/_data /dataVolume2 rw\n' });
    const r = run('cat /proc/self/mountinfo | grep -o "volumes/[0-9a-f]*"', { files });
    assert.equal(r.stdout, 'volumes/8246c3801c14\nvolumes/f1fbd76cb466\n');
  });
});
