import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { isGzip, readTar, writeTar, type TarEntry, type TarEntryInput } from '../../src/tar/tar.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const decode = (b: Uint8Array): string => new TextDecoder().decode(b);
const T = 1_700_000_000_000;

const sample: TarEntry[] = [
  { path: 'bin', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: T, data: new Uint8Array(0) },
  { path: 'bin/busybox', type: 'file', mode: 0o4755, uid: 0, gid: 0, mtime: T, data: text('#!busybox\n') },
  { path: 'bin/ls', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: T, data: new Uint8Array(0), linkname: '/bin/busybox' },
  { path: 'tmp', type: 'dir', mode: 0o1777, uid: 0, gid: 0, mtime: T, data: new Uint8Array(0) },
  { path: 'home/app/.wh.gone', type: 'file', mode: 0o600, uid: 1000, gid: 100, mtime: T + 5000, data: new Uint8Array(0), uname: 'app', gname: 'users' },
  { path: 'upper/deleted', type: 'char', mode: 0, uid: 0, gid: 0, mtime: T, data: new Uint8Array(0), devmajor: 0, devminor: 0 },
  { path: 'bin/hard', type: 'hardlink', mode: 0o755, uid: 0, gid: 0, mtime: T, data: new Uint8Array(0), linkname: 'bin/busybox' },
];

describe('tar archives', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'drydock-tar-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('round trips', () => {
    it('keeps every field of every entry type', () => {
      assert.deepEqual(readTar(writeTar(sample)), sample);
    });

    it('writes the same bytes for the same entries, and again after a round trip', () => {
      const once = writeTar(sample);
      assert.deepEqual(writeTar(sample), once);
      assert.deepEqual(writeTar(readTar(once)), once);
      assert.equal(once.length % 512, 0);
    });

    it('fills in defaults for modes, ids and times', () => {
      const [d, f, l, c] = readTar(
        writeTar([
          { path: 'd', type: 'dir' },
          { path: 'd/f', type: 'file', data: text('x') },
          { path: 'd/l', type: 'symlink', linkname: 'f' },
          { path: 'd/.wh', type: 'char' },
        ]),
      );
      assert.deepEqual([d!.mode, f!.mode, l!.mode, c!.mode], [0o755, 0o644, 0o777, 0]);
      assert.deepEqual([f!.uid, f!.gid, f!.mtime], [0, 0, 0]);
      assert.equal(decode(f!.data), 'x');
    });

    it('stores long paths in the ustar prefix, longer ones and long link targets in PAX records', () => {
      const mid = `${'d'.repeat(120)}/${'f'.repeat(90)}`; // fits prefix + name
      const long = `${'a/'.repeat(150)}${'n'.repeat(120)}`; // fits nothing
      const unicode = `répertoire/${'ü'.repeat(60)}`; // 131 bytes, split at the slash
      const entries: TarEntryInput[] = [
        { path: mid, type: 'file', data: text('mid') },
        { path: long, type: 'dir' },
        { path: `${long}/f`, type: 'symlink', linkname: `/${'t'.repeat(300)}` },
        { path: unicode, type: 'file', data: text('u') },
      ];
      const bytes = writeTar(entries);
      const back = readTar(bytes);
      assert.deepEqual(
        back.map((e) => [e.path, e.type, e.linkname]),
        [
          [mid, 'file', undefined],
          [long, 'dir', undefined],
          [`${long}/f`, 'symlink', `/${'t'.repeat(300)}`],
          [unicode, 'file', undefined],
        ],
      );
      assert.ok(!decode(bytes).slice(0, 512).includes('path='), 'a name that fits ustar needs no PAX header');
    });

    it('uses PAX for big ids, sub-second times and extra records, and keeps them', () => {
      const entry: TarEntryInput = {
        path: 'f',
        type: 'file',
        uid: 3_000_000_000,
        gid: 70_000_000,
        mtime: T + 123,
        data: text('x'),
        uname: 'u'.repeat(40),
        pax: { 'SCHILY.xattr.user.k': 'v' },
      };
      const [back] = readTar(writeTar([entry]));
      assert.deepEqual(
        [back!.uid, back!.gid, back!.mtime, back!.uname, back!.pax],
        [3_000_000_000, 70_000_000, T + 123, 'u'.repeat(40), { 'SCHILY.xattr.user.k': 'v' }],
      );
    });

    it('reads gzipped archives', () => {
      const gz = gzipSync(writeTar(sample));
      assert.ok(isGzip(gz));
      assert.ok(!isGzip(writeTar(sample)));
      assert.deepEqual(readTar(gz), sample);
    });

    it('reads an empty archive and refuses damaged ones', () => {
      assert.deepEqual(readTar(writeTar([])), []);
      assert.deepEqual(readTar(new Uint8Array(0)), []);
      const bytes = writeTar(sample);
      const bad = bytes.slice();
      bad[10] = 0x41;
      // Go's archive/tar texts (the daemon prints them after "Error processing tar file(exit status 1): ")
      assert.throws(() => readTar(bad), /^TarFormatError: archive\/tar: invalid tar header \(invalid header checksum at byte 0\)$/);
      assert.throws(() => readTar(bytes.subarray(0, 1024 + 5)), /^TarFormatError: unexpected EOF \(the archive ends inside the member at byte 512\)$/);
      assert.throws(() => readTar(bytes.subarray(0, 1024 + 512 + 100)), /^TarFormatError: unexpected EOF \(the archive ends inside a header at byte 1536\)$/);
      assert.throws(() => readTar(new TextEncoder().encode('garbage\n')), /unexpected EOF/);
      const zeroThenHeader = new Uint8Array(512 + bytes.length);
      zeroThenHeader.set(bytes, 512);
      assert.throws(() => readTar(zeroThenHeader), /archive\/tar: invalid tar header \(a zero block and then a header at byte 512\)/);
    });
  });

  describe('with the system tar command', () => {
    it('lets GNU tar extract what the writer made', () => {
      const archive = join(dir, 'a.tar');
      writeFileSync(archive, writeTar(sample.filter((e) => e.type !== 'char')));
      const out = join(dir, 'out');
      mkdirSync(out);
      execFileSync('tar', ['-xpf', archive, '-C', out]);
      assert.equal(readFileSync(join(out, 'bin/busybox'), 'utf8'), '#!busybox\n');
      assert.equal(lstatSync(join(out, 'bin/busybox')).mode & 0o7777, 0o4755);
      assert.equal(readlinkSync(join(out, 'bin/ls')), '/bin/busybox');
      assert.equal(lstatSync(join(out, 'tmp')).mode & 0o7777, 0o1777);
      assert.equal(lstatSync(join(out, 'bin/hard')).ino, lstatSync(join(out, 'bin/busybox')).ino);
      assert.equal(lstatSync(join(out, 'bin')).mtimeMs, T);
      const listing = execFileSync('tar', ['-tvf', archive, '--numeric-owner'], { encoding: 'utf8' });
      assert.match(listing, /^-rw------- 1000\/100 +0 2023-11-14 \d\d:\d\d home\/app\/\.wh\.gone$/mu);
    });

    for (const format of ['gnu', 'pax', 'ustar']) {
      it(`reads what GNU tar writes in --format=${format}`, () => {
        const src = join(dir, 'src');
        const deep = format === 'ustar' ? 'd'.repeat(90) : 'd'.repeat(150);
        mkdirSync(join(src, 'sub', deep), { recursive: true });
        writeFileSync(join(src, 'sub', deep, 'f.txt'), 'hello\n');
        writeFileSync(join(src, 'run.sh'), '#!/bin/sh\n');
        chmodSync(join(src, 'run.sh'), 0o755);
        symlinkSync('run.sh', join(src, 'link'));
        linkSync(join(src, 'run.sh'), join(src, 'hard'));
        mkdirSync(join(src, 'sticky'));
        chmodSync(join(src, 'sticky'), 0o1777);
        for (const p of ['run.sh', 'sub', 'sticky']) utimesSync(join(src, p), T / 1000, T / 1000);
        const archive = join(dir, 'sys.tar');
        execFileSync('tar', [`--format=${format}`, '--sort=name', '-cf', archive, '-C', src, '.']);
        const entries = readTar(new Uint8Array(readFileSync(archive)));
        const byPath = new Map(entries.map((e) => [e.path, e]));
        assert.equal(byPath.get('.')?.type, 'dir');
        assert.equal(decode(byPath.get(`./sub/${deep}/f.txt`)!.data), 'hello\n');
        const script = byPath.get('./hard')?.type === 'hardlink' ? byPath.get('./run.sh')! : byPath.get('./hard')!;
        assert.equal(script.mode, 0o755);
        assert.equal(decode(script.data), '#!/bin/sh\n');
        const hard = [byPath.get('./hard')!, byPath.get('./run.sh')!].find((e) => e.type === 'hardlink');
        assert.ok(hard, 'one of the two names is stored as a hardlink');
        assert.match(hard.linkname!, /^\.\/(hard|run\.sh)$/);
        assert.deepEqual([byPath.get('./link')?.type, byPath.get('./link')?.linkname], ['symlink', 'run.sh']);
        assert.equal(byPath.get('./sticky')!.mode, 0o1777);
        assert.equal(byPath.get('./sub')!.mtime, T);
        assert.equal(byPath.get('./run.sh')!.uname, 'root');
      });
    }

    it('reads a gzipped tarball from tar -z, and a char device from mknod', function () {
      const src = join(dir, 'src');
      mkdirSync(src);
      writeFileSync(join(src, 'a'), 'a');
      let haveDevice = true;
      try {
        execFileSync('mknod', [join(src, 'wh'), 'c', '0', '0'], { stdio: 'ignore' });
      } catch {
        haveDevice = false; // not root: the gzip half still runs
      }
      const archive = join(dir, 'a.tgz');
      execFileSync('tar', ['-czf', archive, '-C', src, '.']);
      const entries = readTar(new Uint8Array(readFileSync(archive)));
      assert.equal(decode(entries.find((e) => e.path === './a')!.data), 'a');
      if (haveDevice) {
        const wh = entries.find((e) => e.path === './wh')!;
        assert.deepEqual([wh.type, wh.devmajor, wh.devminor], ['char', 0, 0]);
      }
    });
  });
});
