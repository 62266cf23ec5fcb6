import assert from 'node:assert/strict';
import { archiveTree, statOf } from '../../../src/engine/docker/archive-tree.js';
import { readTar, writeTar, type TarEntryInput } from '../../../src/tar/tar.js';

const T = Date.parse('2024-05-01T12:00:00Z');
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('docker cp archives as read-facet answers', () => {
  it('splits the copied path from its direct children', () => {
    const entries = readTar(
      writeTar([
        { path: 'tmp', type: 'dir', mode: 0o1777, mtime: T },
        { path: 'tmp/a', type: 'file', data: bytes('abc'), mtime: T },
        { path: 'tmp/sub', type: 'dir', mtime: T },
        { path: 'tmp/sub/deep', type: 'file', mtime: T },
        { path: 'tmp/b', type: 'hardlink', linkname: 'tmp/a', mtime: T },
      ]),
    );
    const tree = archiveTree(entries)!;
    assert.equal(tree.top.path, 'tmp');
    assert.deepEqual([...tree.children.keys()], ['a', 'sub', 'b']);
    assert.deepEqual(statOf(tree.top), { kind: 'dir', mode: 0o1777, uid: 0, gid: 0, mtime: T, size: 4096 });
    assert.deepEqual(statOf(tree.children.get('b')!, tree.byPath), { kind: 'file', mode: 0o644, uid: 0, gid: 0, mtime: T, size: 3 });
    assert.equal(archiveTree([]), null);
  });

  it('handles the root, which docker cp names "/"', () => {
    const root: TarEntryInput[] = [
      { path: '/', type: 'dir' },
      { path: '/.dockerenv', type: 'file' },
      { path: '/bin', type: 'dir' },
      { path: '/bin/ls', type: 'symlink', linkname: '/bin/busybox' },
    ];
    const tree = archiveTree(readTar(writeTar(root)))!;
    assert.deepEqual([...tree.children.keys()], ['.dockerenv', 'bin']);
  });

  it('gives symlinks their target length and devices the char kind', () => {
    const [link, dev] = readTar(
      writeTar([
        { path: 'l', type: 'symlink', linkname: '/bin/busybox' },
        { path: 'wh', type: 'char', devmajor: 0, devminor: 0 },
      ]),
    );
    assert.deepEqual(statOf(link!), { kind: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: 0, size: 12, target: '/bin/busybox' });
    assert.equal(statOf(dev!).kind, 'char');
  });
});
