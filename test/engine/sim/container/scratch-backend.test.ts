import assert from 'node:assert/strict';
import { ScratchBackend } from '../../../../src/engine/sim/container/scratch-backend.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import type { LiveEntry } from '../../../../src/engine/sim/layer/entry.js';

const dir: LiveEntry = { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 };
const file = (s: string): LiveEntry => ({ kind: 'file', data: new TextEncoder().encode(s), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
const text = (e: LiveEntry | undefined): string | undefined => (e?.kind === 'file' ? new TextDecoder().decode(e.data) : undefined);

describe('simulator: scratch layer over a backend', () => {
  const base = (): TreeBackend => {
    const t = new TreeBackend();
    t.put('/d', dir);
    t.put('/d/a', file('A'));
    t.put('/d/b', file('B'));
    return t;
  };

  it('reads through, keeps writes to itself and leaves the base untouched', () => {
    const b = base();
    const s = new ScratchBackend(b);
    s.write('/d/a', new TextEncoder().encode('+'), { append: true }, { uid: 0, gid: 0, now: 5 });
    s.put('/d/c', file('C'));
    assert.equal(text(s.get('/d/a')), 'A+');
    assert.deepEqual(s.list('/d'), ['a', 'b', 'c']);
    assert.equal(text(b.get('/d/a')), 'A');
    assert.deepEqual(b.list('/d'), ['a', 'b']);
  });

  it('hides what it removed, below a removed directory too, even once it is created again', () => {
    const s = new ScratchBackend(base());
    s.delete('/d/b');
    assert.equal(s.get('/d/b'), undefined);
    assert.deepEqual(s.list('/d'), ['a']);
    s.delete('/d');
    assert.equal(s.get('/d/a'), undefined);
    assert.deepEqual(s.list('/'), []);
    s.put('/d', dir);
    assert.deepEqual(s.list('/d'), []);
    assert.equal(s.get('/d/a'), undefined);
  });

  it('drops the children of a directory it replaces with a file', () => {
    const s = new ScratchBackend(base());
    s.put('/d', file('now a file'));
    assert.equal(s.get('/d/a'), undefined);
    assert.deepEqual(s.list('/'), ['d']);
  });
});
