// A layer's tar form and its digest agree: whatever a layer holds (its root "./" entry included, which GNU tar
// and bsdtar write and a layer's digest covers), writing it as a tar and reading it back gives the same layer.
// And an archive becomes a layer as the 20.10 daemon's UnpackLayer makes one (texts recorded on 20.10 with
// /usr/bin/docker import of archives made by Python's tarfile; see docs/archives.md).

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readTar, writeTar, type TarEntryInput } from '../../../../src/tar/tar.js';
import type { Entry } from '../../../../src/engine/sim/layer/entry.js';
import { Layer } from '../../../../src/engine/sim/layer/layer.js';
import { entriesFromTar, tarFromEntries } from '../../../../src/engine/sim/layer/tar-layer.js';
import { layerFromArchive, unpackLayer } from '../../../../src/engine/sim/layer/unpack-layer.js';

const bytes = (s: string) => new TextEncoder().encode(s);

// names as a layer may hold them: short, long (past ustar's 100 and 155 bytes), odd characters
const name = fc.oneof(
  fc.constantFrom('a', 'b', 'bin', 'etc', 'f.txt', 'é', 'with space', '.hidden'),
  fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'b', 'x', '-', '_', '.', 'ü') }).filter((s) => s !== '.' && s !== '..' && !s.startsWith('.wh.')),
  fc.integer({ min: 90, max: 260 }).map((n) => 'L'.repeat(n)),
);
const meta = fc.record({
  mode: fc.integer({ min: 0, max: 0o7777 }),
  uid: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 70000 }), fc.integer({ min: 2_097_152, max: 2 ** 31 })),
  gid: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 70000 })),
  // whole seconds, milliseconds, and times before the epoch
  mtime: fc.oneof(fc.integer({ min: 0, max: 4e9 }).map((s) => s * 1000), fc.integer({ min: -1e12, max: 5e12 })),
});
const entry: fc.Arbitrary<Entry> = fc.oneof(
  fc.tuple(meta, fc.uint8Array({ maxLength: 700 })).map(([m, data]): Entry => ({ kind: 'file', data, ...m })),
  fc.tuple(meta, fc.boolean()).map(([m, opaque]): Entry => ({ kind: 'dir', opaque, ...m })),
  fc.tuple(meta, fc.oneof(name, fc.constant('/abs/target'), fc.integer({ min: 101, max: 300 }).map((n) => 't'.repeat(n)))).map(([m, target]): Entry => ({ kind: 'symlink', target, ...m, mode: 0o777 })),
  fc.tuple(meta, fc.nat(255), fc.nat(255)).map(([m, major, minor]): Entry => ({ kind: 'char', major, minor, ...m })),
  fc.constant<Entry>({ kind: 'whiteout' }),
);
// a diff: paths one to three names deep, the root possibly among them (as a directory)
const diff = fc
  .tuple(
    fc.array(fc.tuple(fc.array(name, { minLength: 1, maxLength: 3 }), entry), { maxLength: 14 }),
    fc.option(fc.tuple(meta, fc.boolean()).map(([m, opaque]): Entry => ({ kind: 'dir', opaque, ...m }))),
  )
  .map(([items, root]) => {
    const out = new Map<string, Entry>();
    if (root) out.set('/', root);
    for (const [parts, e] of items) {
      // a path whose parent the diff holds as a non-directory cannot exist in a layer
      const path = `/${parts.join('/')}`;
      const blocked = parts.slice(0, -1).some((_, i) => {
        const above = out.get(`/${parts.slice(0, i + 1).join('/')}`);
        return above !== undefined && above.kind !== 'dir';
      });
      const below = [...out.keys()].some((k) => k.startsWith(`${path}/`));
      if (!blocked && !(below && e.kind !== 'dir')) out.set(path, e);
    }
    return out;
  });

describe('layer tar round trip', () => {
  it('writing a layer as a tar and reading it back gives the same layer and the same digest (property)', () => {
    fc.assert(
      fc.property(diff, (entries) => {
        const again = entriesFromTar(readTar(writeTar(tarFromEntries(entries))));
        assert.equal(new Layer(null, again).diffId, new Layer(null, entries).diffId);
        assert.deepEqual(new Map([...again].sort()), new Map([...entries].sort()));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the root directory as "./" (the reproducer of issue 11: a GNU tar of "." imported)', () => {
    const root: Entry = { kind: 'dir', opaque: false, mode: 0o710, uid: 1234, gid: 5678, mtime: 981173106000 };
    const members = tarFromEntries(new Map<string, Entry>([['/', root], ['/bin', { ...root, mode: 0o755 }]]));
    assert.deepEqual(members.map((m) => m.path), ['.', 'bin']);
    assert.deepEqual(readTar(writeTar(members)).map((m) => m.path), ['.', 'bin']);
  });

  it('reads GNU-shaped archives (././@LongLink names and targets, ustar-space magic) to the same layer', () => {
    fc.assert(
      fc.property(diff, (entries) => {
        const members: TarEntryInput[] = tarFromEntries(entries).map((m) => ({ ...m, path: m.path === '.' ? './' : `./${m.path}`, mtime: Math.floor((m.mtime ?? 0) / 1000) * 1000 }));
        const fits = members.every((m) => (m.uid ?? 0) < 0o7777777 && (m.gid ?? 0) < 0o7777777 && (m.mtime ?? 0) >= 0);
        fc.pre(fits);
        const gnu = entriesFromTar(readTar(writeTar(members, { format: 'gnu' })));
        const pax = entriesFromTar(readTar(writeTar(members)));
        assert.equal(new Layer(null, gnu).diffId, new Layer(null, pax).diffId);
      }),
      { numRuns: 150 },
    );
  });
});

describe('an archive applied as a layer (import, load)', () => {
  const file = (path: string, data = 'x\n'): TarEntryInput => ({ path, type: 'file', data: bytes(data), mtime: 1_000_000_000_000 });

  it('cleans "../" and absolute names inside the layer root, as UnpackLayer does in its chroot', () => {
    const layer = unpackLayer(readTar(writeTar([file('a'), file('../../x'), file('/abs/x'), file('./sub/../y')])));
    assert.deepEqual([...layer.keys()].sort(), ['/a', '/abs/x', '/x', '/y']);
  });

  it('puts a member under a symbolic link where the link leads inside the layer', () => {
    const layer = unpackLayer(readTar(writeTar([{ path: 'real', type: 'dir' }, { path: 'link', type: 'symlink', linkname: '/real' }, file('link/f'), { path: 'rel', type: 'symlink', linkname: '../../real' }, file('rel/g')])));
    assert.deepEqual([...layer.keys()].sort(), ['/link', '/real', '/real/f', '/real/g', '/rel']);
  });

  it('refuses with the daemon texts recorded on 20.10', () => {
    // recorded on 20.10: docker import of each archive (Python tarfile, USTAR) → "Error response from daemon: " + this
    const cases: [TarEntryInput[], string][] = [
      [[{ path: 'link', type: 'symlink', linkname: '/tmp/h11a-outside' }, file('link/file')], 'Error processing tar file(exit status 1): open /link/file: no such file or directory'],
      [[{ path: 'link', type: 'symlink', linkname: '../../../../h11a-out' }, file('link/file')], 'Error processing tar file(exit status 1): open /link/file: no such file or directory'],
      [[{ path: 'h', type: 'hardlink', linkname: '../../etc/passwd' }], 'Error processing tar file(exit status 1): link /etc/passwd /h: no such file or directory'],
    ];
    for (const [members, text] of cases) assert.deepEqual(layerFromArchive(writeTar(members)), { error: text });
    // recorded on 20.10: `echo garbage > f; docker import f` and a 2 kB text file
    assert.deepEqual(layerFromArchive(bytes('garbage\n')), { error: 'Error processing tar file(exit status 1): unexpected EOF' });
    assert.deepEqual(layerFromArchive(bytes('x'.repeat(2027))), { error: 'Error processing tar file(exit status 1): archive/tar: invalid tar header' });
    // an empty file is an empty archive: the import succeeds
    assert.deepEqual(layerFromArchive(new Uint8Array(0)), { entries: new Map() });
  });

  it('makes a hard link another name of the inode it names (one entry, one link group)', () => {
    const layer = unpackLayer(readTar(writeTar([file('etc/f', 'hi\n'), { path: 'etc/g', type: 'hardlink', linkname: 'etc/f' }, file('etc/h', 'hi\n')])));
    const f = layer.get('/etc/f');
    assert.equal(layer.get('/etc/g'), f);
    assert.ok(f?.kind === 'file' && f.link !== undefined);
    const h = layer.get('/etc/h');
    assert.ok(h?.kind === 'file' && h.link === undefined);
  });
});
