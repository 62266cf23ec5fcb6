// Hard links in the simulated filesystem, held to what Docker 20.10 (overlay2 on ext4, busybox-static) printed
// for the same commands (recorded with /usr/bin/docker; the transcripts are in docs/archives.md). Inode numbers
// differ between engines: each distinct number is replaced by its order of appearance (i1, i2, …) on both sides,
// so only which names share an inode, and the link counts, are compared.

import assert from 'node:assert/strict';
import { readTar, writeTar } from '../../../../src/tar/tar.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

const encode = (s: string) => new TextEncoder().encode(s);
const BUSYBOX = 'drydock/busybox:1.35';

function engine(host = new TreeBackend()) {
  host.put('/w', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
  return createSimEngine({ host, cwd: '/w' });
}

/** Inode numbers (7 digits or more) → i1, i2, … in order of first appearance. */
function inodes(text: string): string {
  const seen = new Map<string, string>();
  return text.replace(/\b\d{7,}\b/gu, (n) => {
    if (!seen.has(n)) seen.set(n, `i${seen.size + 1}`);
    return seen.get(n) as string;
  });
}

function run(e: ReturnType<typeof engine>, argv: string[]) {
  const r = e.dockerSync(argv);
  assert.equal(r.exitCode, 0, `docker ${argv.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** `tar -tv`-like lines of an archive: type, name, link target. */
function members(latin1: string): string[] {
  const bytes = Uint8Array.from(latin1, (c) => c.charCodeAt(0));
  return readTar(bytes).map((m) => `${m.type} ${m.path}${m.type === 'hardlink' ? ` -> ${m.linkname ?? ''}` : ''}`);
}

describe('simulator: hard links (one inode, several names), as Docker 20.10 keeps them', () => {
  it('ln gives two names of one inode: link count 2, a write through one seen through the other, rm leaves 1', () => {
    const out = run(engine(), ['run', '--rm', BUSYBOX, 'sh', '-c',
      'cd /tmp; echo one > a; ln a b; ls -li a b; stat -c "%h %i %n" a b; echo two >> b; cat a; find . -links 2 | sort; find . -samefile a | sort; [ a -ef b ] && echo same; rm a; stat -c "%h %n" b; ls -l b | cut -c1-20']);
    // recorded (find sorted: ext4's readdir order is not modelled; the times cut off)
    assert.equal(inodes(out), [
      'i1 -rw-r--r--    2 0        0                4 ' + out.split('\n')[0]!.slice(-14),
      'i1 -rw-r--r--    2 0        0                4 ' + out.split('\n')[1]!.slice(-14),
      '2 i1 a', '2 i1 b', 'one', 'two', './a', './b', './a', './b', 'same', '1 b', '-rw-r--r--    1 0   ', '',
    ].join('\n'));
  });

  it('a lower layer\'s linked file changed in a container is copied up as an inode of its own (overlay2, no index)', () => {
    const e = engine();
    run(e, ['run', '--name', 'base', BUSYBOX, 'sh', '-c', 'mkdir /d; echo one > /d/a; ln /d/a /d/b; ln /d/a /d/c; echo x > /d/x']);
    run(e, ['commit', 'base', 'lower']);
    const a = run(e, ['run', '--rm', 'lower', 'sh', '-c',
      'cd /d; stat -c "%h %i %n" a b c x; echo ---modify-a; echo two >> a; stat -c "%h %i %n" a b c; cat a b; echo ---rm-c; rm c; stat -c "%h %i %n" a b; echo ---ln-new; ln b e; stat -c "%h %i %n" a b e; echo ---chmod; chmod 600 b; stat -c "%h %i %a %n" a b e']);
    assert.equal(inodes(a), '3 i1 a\n3 i1 b\n3 i1 c\n1 i2 x\n---modify-a\n1 i3 a\n3 i1 b\n3 i1 c\none\ntwo\none\n---rm-c\n1 i3 a\n3 i1 b\n---ln-new\n1 i3 a\n2 i4 b\n2 i4 e\n---chmod\n1 i3 644 a\n2 i4 600 b\n2 i4 600 e\n');
    const b = run(e, ['run', '--rm', 'lower', 'sh', '-c', 'cd /d; rm c; stat -c "%h %i %n" a b; touch b; stat -c "%h %i %n" a b; mv a m; stat -c "%h %i %n" m']);
    assert.equal(inodes(b), '3 i1 a\n3 i1 b\n3 i1 a\n1 i2 b\n1 i3 m\n');
  });

  it('commit, export, cp out and save write the second name as a hard link member; sizes count the inode once', () => {
    const e = engine();
    run(e, ['run', '--name', 'sz', BUSYBOX, 'sh', '-c', 'mkdir /d; dd if=/dev/zero of=/d/big bs=1000 count=100 2>/dev/null; ln /d/big /d/big2; ln -s big /d/sl']);
    run(e, ['commit', 'sz', 'sz']);
    // recorded: 100kB (virtual 2.09MB), and the image 100003 bytes over its base
    assert.equal(run(e, ['ps', '-as', '--filter', 'name=sz', '--format', '{{.Size}}']).trim(), '100kB (virtual 2.09MB)');
    const sizes = run(e, ['image', 'inspect', '-f', '{{.Size}}', 'sz', BUSYBOX]).trim().split('\n').map(Number);
    assert.equal((sizes[0] as number) - (sizes[1] as number), 100003);
    const want = ['dir d', 'file d/big', 'hardlink d/big2 -> d/big', 'symlink d/sl'];
    assert.deepEqual(members(run(e, ['export', 'sz'])).filter((l) => / d\//u.test(l) || l.endsWith(' d')), want);
    assert.deepEqual(members(run(e, ['cp', 'sz:/d', '-'])), want);
    const saved = readTar(Uint8Array.from(run(e, ['save', 'sz']), (c) => c.charCodeAt(0)));
    const top = saved.filter((m) => m.path.endsWith('/layer.tar')).map((m) => readTar(m.data)).find((l) => l.some((m) => m.path === 'd/big2'));
    assert.deepEqual(top?.filter((m) => m.path.startsWith('d/')).map((m) => `${m.type} ${m.path}${m.linkname && m.type === 'hardlink' ? ` -> ${m.linkname}` : ''}`), ['file d/big', 'hardlink d/big2 -> d/big', 'symlink d/sl']);
  });

  it('import keeps an archive\'s hard links (GNU tar wrote the second name first) and save/load keeps them', () => {
    const host = new TreeBackend();
    // what GNU tar wrote on the recording machine: ./x/b, then ./x/a as a link to it
    const archive = writeTar([
      { path: './', type: 'dir', mode: 0o755 },
      { path: './x/', type: 'dir', mode: 0o755 },
      { path: './x/b', type: 'file', data: encode('hi\n'), mode: 0o644 },
      { path: './x/a', type: 'hardlink', linkname: './x/b', mode: 0o644 },
    ], { format: 'gnu' });
    host.put('/w', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    host.put('/w/imp.tar', { kind: 'file', data: archive, mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    const e = engine(host);
    run(e, ['import', 'imp.tar', 'imp']);
    assert.equal(run(e, ['image', 'inspect', '-f', '{{.Size}}', 'imp']).trim(), '3');
    run(e, ['create', '--name', 'ic', 'imp', 'x']);
    // recorded: docker cp walks in name order, so a is written first and b links to it
    assert.deepEqual(members(run(e, ['cp', 'ic:/x', '-'])), ['dir x', 'file x/a', 'hardlink x/b -> x/a']);
    run(e, ['save', '-o', 'imp-saved.tar', 'imp']);
    run(e, ['rm', 'ic']);
    run(e, ['rmi', 'imp']);
    run(e, ['load', '-i', 'imp-saved.tar']);
    run(e, ['create', '--name', 'ic2', 'imp', 'x']);
    assert.deepEqual(members(run(e, ['cp', 'ic2:/x', '-'])), ['dir x', 'file x/a', 'hardlink x/b -> x/a']);
  });

  it('a build keeps the links of a directory it copies (a new inode per COPY), not of files named one by one', () => {
    const host = new TreeBackend();
    const e = engine(host);
    host.put('/w/d', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    host.put('/w/d/a', { kind: 'file', data: encode('one\n'), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    host.link('/w/d/a', '/w/d/b');
    host.put('/w/Dockerfile', { kind: 'file', data: encode(`FROM ${BUSYBOX}\nCOPY d /d\nADD d /e\nCOPY d/a d/b /f/\nRUN stat -c "%h %i %n" /d/* /e/* /f/*\n`), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    const lines = run(e, ['build', '.']).split('\n').filter((l) => /^\d \d+ \//u.test(l));
    assert.equal(inodes(lines.join('\n')), '2 i1 /d/a\n2 i1 /d/b\n2 i2 /e/a\n2 i2 /e/b\n1 i3 /f/a\n1 i4 /f/b');
  });

  it('a directory copied up with nothing left changed in it is not in docker diff (only its time moved)', () => {
    const e = engine();
    const diff = (script: string, name: string) => {
      run(e, ['run', '--name', name, BUSYBOX, 'sh', '-c', script]);
      return run(e, ['diff', name]);
    };
    // recorded on 20.10
    assert.equal(diff('echo x > /tmp/f1; rm /tmp/f1', 'q1'), '');
    assert.equal(diff('echo x > /tmp/f1; rm /tmp/f1; chmod 700 /tmp', 'q2'), 'C /tmp\n');
    assert.equal(diff('mkdir /tmp/q; rmdir /tmp/q', 'q3'), '');
    assert.equal(diff('echo x > /tmp/f1; rm /tmp/f1; touch /tmp/g', 'q4'), 'C /tmp\nA /tmp/g\n');
    assert.equal(diff('touch /tmp', 'q5'), '');
    assert.equal(diff('chown 5 /tmp', 'q6'), 'C /tmp\n');
  });

  it('a hard link across a volume\'s mount is EXDEV, to a directory EPERM (busybox ln\'s texts, recorded)', () => {
    const r = engine().dockerSync(['run', '--rm', '-v', '/d/v', BUSYBOX, 'sh', '-c', 'echo a > /d/v/a; ln /d/v/a /tmp/b; echo $?; ln /tmp /tmp/x; echo $?; ln /nope /tmp/y; echo $?']);
    assert.deepEqual([r.exitCode, r.stdout, r.stderr], [0, '1\n1\n1\n', 'ln: /tmp/b: Invalid cross-device link\nln: /tmp/x: Operation not permitted\nln: /nope: No such file or directory\n']);
  });

  it('linking a lower file copies it up without a change docker diff reports; a write through the link does (seed 4163)', () => {
    const e = engine();
    run(e, ['run', '--name', 's1', BUSYBOX, 'sh', '-c', 'mkdir /d; ln -s /nowhere /d/h1; echo x > /d/f']);
    run(e, ['commit', 's1', 'simg']);
    // recorded on 20.10
    const out = run(e, ['run', '--name', 's2', 'simg', 'sh', '-c', 'ln /d/h1 /tmp/t1; ln /d/f /tmp/t2; stat -c "%h %i %n" /d/h1 /tmp/t1 /d/f /tmp/t2']);
    assert.equal(inodes(out), '2 i1 /d/h1\n2 i1 /tmp/t1\n2 i2 /d/f\n2 i2 /tmp/t2\n');
    assert.equal(run(e, ['diff', 's2']), 'C /tmp\nA /tmp/t1\nA /tmp/t2\n');
    run(e, ['run', '--name', 's3', 'simg', 'sh', '-c', 'ln /d/f /tmp/t2; echo y >> /tmp/t2']);
    assert.equal(run(e, ['diff', 's3']), 'C /d\nC /d/f\nC /tmp\nA /tmp/t2\n');
  });
});
