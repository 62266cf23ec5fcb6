// Issue 12 items 2-3 on the simulator: archives with "../" and absolute members, members through a symbolic link,
// hard links out of the target, and files that are not tars, given to `docker cp -`, `docker import` and
// `docker load`: the 20.10 engine's texts and exit codes, what is left written, never an internal error and
// never a write outside the container (the same cases run on the real engine in test/engine/docker/).

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readTar, writeTar, type TarEntryInput } from '../../../../src/tar/tar.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';
import { ADD_CASES, ARCHIVE_CASES, LOAD_CASES } from './archive-members.js';

describe('simulator: hostile and damaged archives (issue 12)', () => {
  for (const c of ARCHIVE_CASES) {
    it(`cp - of the "${c.name}" archive: the daemon's text, what 20.10 leaves written, nothing outside`, () => {
      const host = new TreeBackend();
      const e = createSimEngine({ host, cwd: '/' });
      assert.equal(e.dockerSync(['run', '-d', '--name', 'c1', 'centos', 'sleep', '300']).exitCode, 0);
      assert.equal(e.dockerSync(['exec', 'c1', 'mkdir', '-p', `/t/${c.name}`]).exitCode, 0);
      const hostBefore = JSON.stringify([...host.list('/')]);
      const r = e.dockerSync(['cp', '-', `c1:/t/${c.name}`], { stdin: c.archive });
      assert.deepEqual([r.exitCode, r.stderr], [c.cp.code, c.cp.stderr]);
      const left = e.dockerSync(['exec', 'c1', 'sh', '-c', `find /t/${c.name} /tmp | sort`]).stdout.split('\n').filter(Boolean);
      assert.deepEqual(left, c.cp.left);
      assert.equal(JSON.stringify([...host.list('/')]), hostBefore, 'nothing is written on the host');
    });

    it(`import of the "${c.name}" archive: ${c.import === null ? 'succeeds' : 'refused with the daemon\'s text'}`, () => {
      const host = new TreeBackend();
      host.put('/a.tar', { kind: 'file', data: c.archive, mode: 0o644, uid: 0, gid: 0, mtime: 0 });
      const e = createSimEngine({ host, cwd: '/' });
      const r = e.dockerSync(['import', '/a.tar', 'imp:1']);
      if (c.import === null) assert.deepEqual([r.exitCode, r.stderr], [0, '']);
      else assert.deepEqual([r.exitCode, r.stderr, r.stdout], [1, c.import, '']);
    });
  }

  it('import cleans "../" and absolute members inside the layer (20.10: /x and /abs/x in docker export)', () => {
    const host = new TreeBackend();
    const dotdot = ARCHIVE_CASES.find((c) => c.name === 'dotdot')!.archive;
    host.put('/a.tar', { kind: 'file', data: dotdot, mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    const e = createSimEngine({ host, cwd: '/' });
    assert.equal(e.dockerSync(['import', '/a.tar', 'imp:1']).exitCode, 0);
    assert.equal(e.dockerSync(['create', '--name', 'c2', 'imp:1', 'x']).exitCode, 0);
    assert.equal(e.dockerSync(['export', '-o', '/e.tar', 'c2']).exitCode, 0);
    const names = readTar((host.get('/e.tar') as { data: Uint8Array }).data).map((m) => m.path);
    assert.deepEqual(names.filter((n) => n === 'a' || n === 'x' || n.includes('..')), ['a', 'x']);
  });

  it('never fails internally and never writes on the host, whatever the members (property)', () => {
    const part = fc.constantFrom('..', '.', '', 'a', 'b', 'link', 'proc', 'etc', 'tmp', '.wh.a', '.wh..wh..opq');
    const name = fc.array(part, { minLength: 1, maxLength: 4 }).map((p) => p.join('/'));
    const member = fc.record({
      path: fc.oneof(name, name.map((n) => `/${n}`)),
      type: fc.constantFrom('file', 'dir', 'symlink', 'hardlink', 'char', 'fifo') as fc.Arbitrary<TarEntryInput['type']>,
      linkname: fc.oneof(name, name.map((n) => `/${n}`)),
      mode: fc.integer({ min: 0, max: 0o7777 }),
    });
    const archive = fc.oneof(
      fc.array(member, { maxLength: 8 }).map((members) => writeTar(members.map((m) => ({ ...m, data: new TextEncoder().encode('x') })))),
      fc.uint8Array({ maxLength: 1500 }),
      fc.tuple(fc.array(member, { minLength: 1, maxLength: 4 }), fc.nat()).map(([members, cut]) => {
        const bytes = writeTar(members);
        return bytes.subarray(0, cut % bytes.length);
      }),
    );
    fc.assert(
      fc.property(archive, (bytes) => {
        const host = new TreeBackend();
        host.put('/a.tar', { kind: 'file', data: bytes, mode: 0o644, uid: 0, gid: 0, mtime: 0 });
        const e = createSimEngine({ host, cwd: '/' });
        assert.equal(e.dockerSync(['run', '-d', '--name', 'c1', 'centos', 'sleep', '300']).exitCode, 0);
        const before = JSON.stringify(host.list('/'));
        for (const argv of [['cp', '-', 'c1:/tmp'], ['cp', '-', 'c1:/'], ['import', '/a.tar', 'i:1'], ['load', '-i', '/a.tar']]) {
          const r = e.dockerSync(argv, argv[1] === '-' ? { stdin: bytes } : {});
          assert.ok(r.exitCode === 0 || r.exitCode === 1, `docker ${argv.join(' ')}: exit ${r.exitCode}: ${r.stderr}`);
        }
        assert.equal(JSON.stringify(host.list('/')), before);
      }),
      { numRuns: 200 },
    );
  });

  for (const c of ADD_CASES) {
    it(`ADD of the "${c.name}" archive in a build: extracted chrooted in the destination`, () => {
      const host = new TreeBackend();
      const archive = ARCHIVE_CASES.find((a) => a.name === c.name)!.archive;
      host.put('/ctx', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
      host.put('/ctx/a.tar', { kind: 'file', data: archive, mode: 0o644, uid: 0, gid: 0, mtime: 0 });
      host.put('/ctx/Dockerfile', { kind: 'file', data: new TextEncoder().encode('FROM centos\nADD a.tar /d/\n'), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
      const e = createSimEngine({ host, cwd: '/' });
      const r = e.dockerSync(['build', '-t', 'added:1', '/ctx']);
      assert.deepEqual([r.exitCode, r.stderr], [c.files === null ? 1 : 0, c.stderr]);
      if (c.files !== null) assert.deepEqual(e.dockerSync(['run', '--rm', 'added:1', 'sh', '-c', 'find /d | sort']).stdout.split('\n').filter(Boolean), c.files);
    });
  }

  for (const c of LOAD_CASES) {
    it(`load -i of ${c.name}: the text 20.10 prints, exit 1`, () => {
      const host = new TreeBackend();
      host.put('/in', { kind: 'file', data: c.archive, mode: 0o644, uid: 0, gid: 0, mtime: 0 });
      const e = createSimEngine({ host, cwd: '/' });
      const r = e.dockerSync(['load', '-i', '/in']);
      assert.equal(r.exitCode, 1);
      assert.match(r.stderr, c.stderr);
      assert.equal(r.stdout, '');
    });
  }
});
