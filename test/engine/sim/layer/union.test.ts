import assert from 'node:assert/strict';
import { Layer } from '../../../../src/engine/sim/layer/layer.js';
import { RwLayer } from '../../../../src/engine/sim/layer/rw-layer.js';
import type { Entry } from '../../../../src/engine/sim/layer/entry.js';
import { MountedFs } from '../../../../src/engine/sim/fs/mounted-fs.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { FsError } from '../../../../src/engine/sim/fs/vfs.js';

const text = (s: string) => new TextEncoder().encode(s);
const dir = (): Entry => ({ kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 1 });
const file = (s: string): Entry => ({ kind: 'file', data: text(s), mode: 0o644, uid: 0, gid: 0, mtime: 1 });
const creator = () => ({ uid: 0, gid: 0, now: 5 });

function tomcatLike(): Layer {
  const base = new Layer(null, new Map<string, Entry>([['/', dir()], ['/tmp', dir()], ['/usr', dir()], ['/bin', dir()], ['/bin/busybox', file('ELF')], ['/bin/sh', { kind: 'symlink', target: '/bin/busybox', mode: 0o777, uid: 0, gid: 0, mtime: 1 }]]));
  return new Layer(base, new Map<string, Entry>([
    ['/usr/local', dir()],
    ['/usr/local/tomcat', dir()],
    ['/usr/local/tomcat/NOTICE', file('')],
    ['/usr/local/tomcat/webapps', dir()],
    ['/usr/local/tomcat/webapps/docs', dir()],
    ['/usr/local/tomcat/webapps/docs/index.html', file('<h1>Tomcat docs</h1>\n')],
  ]));
}

function container(image: Layer) {
  const rw = new RwLayer(image.index);
  const fs = new MountedFs(rw, false, creator);
  return { rw, fs };
}

describe('layers and the container layer', () => {
  it('gives the same diffID to the same content and chains IDs through parents', () => {
    const a = tomcatLike();
    const b = tomcatLike();
    assert.equal(a.diffId, b.diffId);
    assert.equal(a.chainId, b.chainId);
    assert.notEqual(a.chainId, a.diffId);
    assert.equal(a.depth, 2);
    assert.equal(a.size, '<h1>Tomcat docs</h1>\n'.length);
  });

  it('lists docker diff like real Docker for the cv-cow edits (copy-up parents are C)', () => {
    const { rw, fs } = container(tomcatLike());
    fs.writeFile('/usr/local/tomcat/webapps/docs/index.html', text('edited\n'), { append: true });
    fs.unlink('/usr/local/tomcat/NOTICE');
    fs.writeFile('/tmp/new.txt', text('hi\n'));
    assert.deepEqual(
      rw.changes().map((c) => `${c.kind} ${c.path}`),
      ['C /tmp', 'A /tmp/new.txt', 'C /usr', 'C /usr/local', 'C /usr/local/tomcat', 'D /usr/local/tomcat/NOTICE', 'C /usr/local/tomcat/webapps', 'C /usr/local/tomcat/webapps/docs', 'C /usr/local/tomcat/webapps/docs/index.html'],
    );
    assert.equal(new TextDecoder().decode(fs.readFile('/usr/local/tomcat/webapps/docs/index.html')), '<h1>Tomcat docs</h1>\nedited\n');
  });

  it('never changes the image: a second container still sees the original files', () => {
    const image = tomcatLike();
    const first = container(image);
    first.fs.unlink('/usr/local/tomcat/NOTICE');
    const second = container(image);
    assert.ok(second.fs.lstat('/usr/local/tomcat/NOTICE'));
    assert.equal(first.fs.lstat('/usr/local/tomcat/NOTICE'), null);
  });

  it('hides a deleted directory with one whiteout and makes a re-created one opaque', () => {
    const { rw, fs } = container(tomcatLike());
    fs.unlink('/usr/local/tomcat/webapps/docs/index.html');
    fs.rmdir('/usr/local/tomcat/webapps/docs');
    assert.deepEqual(fs.readdir('/usr/local/tomcat/webapps'), []);
    fs.mkdir('/usr/local/tomcat/webapps/docs');
    assert.deepEqual(fs.readdir('/usr/local/tomcat/webapps/docs'), []);
    const snap = rw.snapshot();
    const docs = snap.get('/usr/local/tomcat/webapps/docs');
    assert.equal(docs?.kind === 'dir' && docs.opaque, true);
    assert.equal(snap.has('/usr/local/tomcat/webapps/docs/index.html'), false);
  });

  it('applies whiteouts and opaque directories when layers are stacked', () => {
    const image = tomcatLike();
    const top = new Layer(image, new Map<string, Entry>([
      ['/usr/local/tomcat/NOTICE', { kind: 'whiteout' }],
      ['/usr/local/tomcat/webapps', { kind: 'dir', opaque: true, mode: 0o755, uid: 0, gid: 0, mtime: 2 }],
      ['/usr/local/tomcat/webapps/ROOT', dir()],
    ]));
    const { fs } = container(top);
    assert.equal(fs.lstat('/usr/local/tomcat/NOTICE'), null);
    assert.deepEqual(fs.readdir('/usr/local/tomcat/webapps'), ['ROOT']);
    assert.deepEqual(fs.readdir('/usr/local/tomcat'), ['webapps']);
    assert.ok(container(image).fs.lstat('/usr/local/tomcat/webapps/docs'));
  });

  it('follows symlinks, refuses writes on a read-only mount and renames across mounts', () => {
    const { rw, fs } = container(tomcatLike());
    assert.equal(fs.stat('/bin/sh')?.kind, 'file');
    assert.equal(fs.lstat('/bin/sh')?.kind, 'symlink');
    fs.mkdir('/data');
    const volume = new TreeBackend();
    fs.mount('/data', volume, true);
    assert.throws(() => fs.writeFile('/data/x', text('x')), (e: unknown) => e instanceof FsError && e.code === 'EROFS');
    fs.mount('/data', volume, false);
    fs.writeFile('/data/x', text('x'));
    assert.equal(volume.get('/x')?.kind, 'file');
    assert.throws(() => fs.rename('/data/x', '/tmp/x'), (e: unknown) => e instanceof FsError && e.code === 'EXDEV');
    // writes into a mount never reach the container layer: only the mount point is added
    assert.deepEqual(rw.changes().map((c) => `${c.kind} ${c.path}`), ['A /data']);
  });

  it('keeps reads flat: a 120-layer chain answers from one merged index', () => {
    let layer = new Layer(null, new Map<string, Entry>([['/', dir()]]));
    for (let i = 0; i < 120; i++) layer = new Layer(layer, new Map<string, Entry>([[`/f${i}`, file(String(i))]]));
    const { fs } = container(layer);
    assert.equal(new TextDecoder().decode(fs.readFile('/f0')), '0');
    assert.equal(fs.readdir('/').length, 120);
    assert.equal(layer.depth, 121);
  });
});
