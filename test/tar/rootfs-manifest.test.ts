import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRootfsManifest, rootfsEntries } from '../../src/tar/rootfs-manifest.js';
import { readTar, writeTar } from '../../src/tar/tar.js';

const manifestPath = new URL('../../fixtures/base/rootfs.json', import.meta.url);
const manifest = parseRootfsManifest(JSON.parse(readFileSync(manifestPath, 'utf8')));

describe('base rootfs manifest', () => {
  it('describes Debian busybox-static 1.35 and a minimal tree', () => {
    assert.equal(manifest.image, 'drydock/busybox:1.35');
    assert.equal(manifest.busybox.size, 1_982_256);
    assert.match(manifest.busybox.version, /^BusyBox v1\.35\.0 /);
    const dirs = Object.fromEntries(manifest.entries.filter((e) => e.type === 'dir').map((e) => [e.path, e.mode]));
    assert.deepEqual(dirs, {
      bin: '0755', dev: '0755', etc: '0755', proc: '0555', root: '0700', sbin: '0755', sys: '0555', tmp: '1777',
      usr: '0755', 'usr/bin': '0755', 'usr/sbin': '0755', var: '0755',
    });
  });

  it('links every applet to /bin/busybox where busybox puts it, parents first, sorted', () => {
    const links = manifest.entries.filter((e) => e.type === 'symlink');
    assert.equal(links.length, 267);
    assert.ok(links.every((e) => e.type === 'symlink' && e.target === '/bin/busybox'));
    const paths = new Set(manifest.entries.map((e) => e.path));
    for (const p of ['bin/ls', 'bin/sh', 'usr/bin/wc', 'sbin/ifconfig', 'usr/bin/[', 'usr/sbin/chroot']) assert.ok(paths.has(p), p);
    assert.ok(!paths.has('linuxrc'));
    const sorted = manifest.entries.map((e) => e.path);
    assert.deepEqual(sorted, [...sorted].sort());
    for (const p of sorted) {
      const parent = p.split('/').slice(0, -1).join('/');
      assert.ok(parent === '' || paths.has(parent), `${p} has its parent`);
    }
  });

  it('matches the installed busybox --list-full when there is one', function () {
    if (!existsSync('/bin/busybox')) this.skip();
    const listed = execFileSync('/bin/busybox', ['--list-full'], { encoding: 'utf8' }).split('\n').filter((l) => l !== '');
    const expected = listed.filter((l) => l !== 'bin/busybox' && l !== 'linuxrc').sort();
    assert.deepEqual(manifest.entries.filter((e) => e.type === 'symlink').map((e) => e.path), expected);
  });

  it('becomes a deterministic tarball that GNU tar lists', () => {
    const stand = new TextEncoder().encode('not really busybox');
    const tar = writeTar(rootfsEntries(manifest, stand));
    assert.deepEqual(writeTar(rootfsEntries(manifest, stand)), tar);
    const entries = readTar(tar);
    assert.equal(entries.length, manifest.entries.length);
    assert.deepEqual(entries.find((e) => e.path === 'tmp')?.mode, 0o1777);
    const dir = mkdtempSync(join(tmpdir(), 'drydock-rootfs-'));
    try {
      writeFileSync(join(dir, 'rootfs.tar'), tar);
      const listing = execFileSync('tar', ['-tvf', join(dir, 'rootfs.tar'), '--numeric-owner'], { encoding: 'utf8' });
      assert.match(listing, /^lrwxrwxrwx 0\/0 +0 2023-01-01 \d\d:00 bin\/ls -> \/bin\/busybox$/mu);
      assert.match(listing, /^drwxrwxrwt 0\/0 +0 2023-01-01 \d\d:00 tmp\/$/mu);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a malformed manifest with the place that is wrong', () => {
    assert.throws(() => parseRootfsManifest({ ...manifest, entries: [{ path: '/abs', type: 'dir', mode: '0755' }] }), /entries\[0\] needs a relative path/);
    assert.throws(() => parseRootfsManifest({ ...manifest, entries: [{ path: 'x', type: 'dir', mode: '755x' }] }), /entries\[0\] needs an octal mode/);
    assert.throws(() => parseRootfsManifest({ ...manifest, busybox: { ...manifest.busybox, size: '1' } }), /busybox.size must be a number/);
  });
});
