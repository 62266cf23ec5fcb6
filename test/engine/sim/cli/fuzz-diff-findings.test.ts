// Simulator differences the random differential tester (npm run fuzz:diff) found against Docker 20.10, each
// held here to what the real engine printed for the shrunk reproducer.

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

function engine(host = new TreeBackend()) {
  host.put('/w', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
  return createSimEngine({ host, cwd: '/w' });
}

const outcome = (r: { exitCode: number; stdout: string; stderr: string }) => [r.exitCode, r.stdout, r.stderr];

describe('simulator: what the random differential tester found', () => {
  it('load -i and import of a missing file print the client\'s bare os.Open error with the path as typed', () => {
    const e = engine();
    assert.deepEqual(outcome(e.dockerSync(['load', '-i', 'out/none.tar'])), [1, '', 'open out/none.tar: no such file or directory\n']);
    assert.deepEqual(outcome(e.dockerSync(['import', 'out/none.tar', 'x:1'])), [1, '', 'open out/none.tar: no such file or directory\n']);
  });

  it('save of a missing tagged name says "reference does not exist", of a missing bare name "No such image"', () => {
    const e = engine();
    assert.deepEqual(outcome(e.dockerSync(['save', '-o', 'x.tar', 'nothere:1'])), [1, '', 'Error response from daemon: reference does not exist\n']);
    assert.deepEqual(outcome(e.dockerSync(['save', '-o', 'x.tar', 'nothere'])), [1, '', 'Error response from daemon: No such image: nothere\n']);
  });

  it('a symlink loop fails with ELOOP where a kernel would (redirections, test, cp, ls) and a hard link to it links the symlink', () => {
    // recorded on Docker 20.10 with drydock/busybox:1.35 (stdout and stderr apart)
    const script = "mkdir -p /d; ln -s /d/h1 /d/h1; echo x > /d/h1; echo $?; cat < /d/h1; cat /d/h1; echo x >> /d/h1; stat -c %F /d/h1; ls /d/h1; [ -e /d/h1 ]; echo e$?; test -f /d/h1; echo f$?; cp /d/h1 /tmp/q; echo cp$?; ln /d/h1 /d/h2; echo ln$?; stat -c %F /d/h2; mv /d/h1 /d/h3; ls -l /d | wc -l; echo end";
    const r = engine().dockerSync(['run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', script]);
    assert.deepEqual(outcome(r), [
      0,
      '1\nsymbolic link\ne1\nf1\ncp1\nln0\nsymbolic link\n3\nend\n',
      "sh: can't create /d/h1: Too many levels of symbolic links\nsh: can't open /d/h1: Too many levels of symbolic links\n" +
        "cat: can't open '/d/h1': Too many levels of symbolic links\nsh: can't create /d/h1: Too many levels of symbolic links\n" +
        "ls: /d/h1: Too many levels of symbolic links\ncp: can't stat '/d/h1': Too many levels of symbolic links\n",
    ]);
  });

  it('a failed build -q prints the progress the client buffered to stderr, then the error', () => {
    const files = new TreeBackend();
    const e = engine(files);
    const put = (path: string, text: string) => files.put(path, { kind: 'file', data: new TextEncoder().encode(text), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    files.put('/w/c', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    put('/w/c/Dockerfile', 'FROM drydock/busybox:1.35\nBOGUS x\n');
    // recorded on 20.10: the context line is progBuff, written before the daemon's parse error
    assert.deepEqual(outcome(e.dockerSync(['build', '-q', '-t', 'q2', 'c'])), [1, '', 'Sending build context to Docker daemon  2.048kB\r\r\nError response from daemon: dockerfile parse error line 2: unknown instruction: BOGUS\n']);
    put('/w/c/Dockerfile', 'FROM drydock/busybox:1.35\nCOPY nothere /x\n');
    const r = e.dockerSync(['build', '-q', '-t', 'q3', 'c']);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Sending build context to Docker daemon {2}2\.048kB\r\r\nStep 1\/2 : FROM drydock\/busybox:1\.35\n ---> [0-9a-f]{12}\nStep 2\/2 : COPY nothere \/x\nCOPY failed: file not found in build context or excluded by \.dockerignore: stat nothere: file does not exist\n$/);
  });

  it('mount points appear in the container layer at start (or a docker cp), not at create', () => {
    // recorded on 20.10: runc makes them when it mounts; the daemon's mountVolumes does for cp
    const e = engine();
    assert.equal(e.dockerSync(['create', '--name', 'm1', '-v', 'mv1:/d/v', '-w', '/w', 'drydock/busybox:1.35', 'true']).exitCode, 0);
    assert.equal(e.dockerSync(['diff', 'm1']).stdout, 'A /w\n');
    assert.equal(e.dockerSync(['export', 'm1']).stdout.includes('d/v/'), false);
    assert.equal(e.dockerSync(['start', '-a', 'm1']).exitCode, 0);
    assert.deepEqual(e.dockerSync(['diff', 'm1']).stdout.split('\n').filter(Boolean).sort(), ['A /d', 'A /d/v', 'A /w']);
    assert.equal(e.dockerSync(['create', '--name', 'm2', '-v', 'mv2:/e/f', 'drydock/busybox:1.35', 'true']).exitCode, 0);
    assert.equal(e.dockerSync(['cp', 'm2:/tmp', '-']).exitCode, 0);
    assert.deepEqual(e.dockerSync(['diff', 'm2']).stdout, 'A /e\nA /e/f\n');
  });

  it('ln onto a looping symlink says "File exists" (its directory check fails quietly), and -f replaces it', () => {
    const script = 'mkdir -p /d; ln -s /d/f2 /d/f2; echo a > /d/f1; ln /d/f1 /d/f2; echo $?; ln -s /d/f1 /d/f2; echo $?; ln -sf /d/f1 /d/f2; echo $?; readlink /d/f2';
    // recorded on 20.10
    assert.deepEqual(outcome(engine().dockerSync(['run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', script])), [0, '1\n1\n0\n/d/f1\n', 'ln: /d/f2: File exists\nln: /d/f2: File exists\n']);
  });

  it('mv onto a looping symlink stops at its stat ("can\'t stat") and moves nothing; the loop itself moves', () => {
    const script = 'mkdir -p /d; ln -s /d/f1 /d/f1; echo a > /d/s1; mv /d/s1 /d/f1; echo $?; ls /d; mv /d/f1 /d/f9; echo $?; ls /d';
    // recorded on 20.10
    assert.deepEqual(outcome(engine().dockerSync(['run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', script])), [0, '1\nf1\ns1\n0\nf9\ns1\n', "mv: can't stat '/d/f1': Too many levels of symbolic links\n"]);
  });

  it('commit of a container whose image rmi -f deleted fails reading the parent from the image store', () => {
    const e = engine();
    assert.equal(e.dockerSync(['commit', (e.dockerSync(['run', '-d', '--name', 'base', 'drydock/busybox:1.35', 'true']), 'base'), 'mine:1']).exitCode, 0);
    assert.equal(e.dockerSync(['run', '--name', 'c3', 'mine:1', 'true']).exitCode, 0);
    const id = e.dockerSync(['image', 'inspect', '-f', '{{.Id}}', 'mine:1']).stdout.trim();
    assert.match(e.dockerSync(['rmi', '-f', 'mine:1']).stdout, /^Untagged: mine:1\nDeleted: sha256:/u);
    // recorded on 20.10
    assert.deepEqual(outcome(e.dockerSync(['commit', 'c3', 'again:1'])), [1, '', `Error response from daemon: failed to get digest ${id}: open /var/lib/docker/image/overlay2/imagedb/content/sha256/${id.slice(7)}: no such file or directory\n`]);
  });

  it('logs --tail 1 counts a line written in two pieces (the error text, then its newline) as one message', () => {
    // seed 2602, recorded on 20.10: tail 1 is the last stderr line, tail 2 the two lines
    const e = engine();
    const r = e.dockerSync(['run', '--name', 'l1', '-v', 'vol2:/d/v', 'drydock/busybox:1.35', 'sh', '-c', 'mkdir -p /d; cat /tmp/t1; echo beta > /d/s1; echo delta > /d/x/f3']);
    assert.equal(r.exitCode, 1);
    assert.deepEqual(outcome(e.dockerSync(['logs', '--tail', '1', 'l1'])), [0, '', "sh: can't create /d/x/f3: nonexistent directory\n"]);
    assert.deepEqual(outcome(e.dockerSync(['logs', '--tail', '2', 'l1'])), [0, '', "cat: can't open '/tmp/t1': No such file or directory\nsh: can't create /d/x/f3: nonexistent directory\n"]);
  });

  it('a RUN after VOLUME commits the mount points runc made, so a container of the image shows no change (seed 4059)', () => {
    // recorded on 20.10: the RUN layer holds d/, d/v/ and data/; without the RUN a started container shows them as A
    const host = new TreeBackend();
    const e = engine(host);
    host.put('/w/ctx', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    const file = (text: string) => ({ kind: 'file' as const, data: new TextEncoder().encode(text), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    host.put('/w/ctx/Dockerfile', file('FROM drydock/busybox:1.35\nVOLUME /data\nVOLUME /d/v\nRUN true\n'));
    assert.equal(e.dockerSync(['build', '-q', '-t', 'v1', 'ctx']).exitCode, 0);
    host.put('/w/ctx/Dockerfile', file('FROM drydock/busybox:1.35\nVOLUME /data\nVOLUME /d/v\n'));
    assert.equal(e.dockerSync(['build', '-q', '-t', 'v2', 'ctx']).exitCode, 0);
    assert.equal(e.dockerSync(['run', '-d', '--name', 'r1', 'v1', 'sleep', '60']).exitCode, 0);
    assert.equal(e.dockerSync(['run', '-d', '--name', 'r2', 'v2', 'sleep', '60']).exitCode, 0);
    assert.deepEqual(outcome(e.dockerSync(['diff', 'r1'])), [0, '', '']);
    assert.deepEqual(outcome(e.dockerSync(['diff', 'r2'])), [0, 'A /d\nA /d/v\nA /data\n', '']);
  });

  it('cuts a committed layer\'s times to whole seconds, so the same files made within one second are one layer (seed 7373)', () => {
    // 20.10: a file touched at 03.707633639 stats 03.000000000 in the committed image; a container's mkdir -p /d
    // committed and a build's WORKDIR /d in the same second share a diff ID, a second later they do not
    const e = engine();
    e.daemon.clock.advance(400);
    e.dockerSync(['run', '--name', 't1', 'drydock/busybox:1.35', 'sh', '-c', 'mkdir -p /d; touch /f']);
    e.dockerSync(['commit', 't1', 'committed']);
    const stat = e.dockerSync(['run', '--rm', 'committed', 'stat', '-c', '%y', '/f']).stdout;
    assert.match(stat, /:\d\d\.000000000 /);
    e.daemon.host.put('/w/Dockerfile', { kind: 'file', data: new TextEncoder().encode('FROM drydock/busybox:1.35\nWORKDIR /d\n'), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    const layerOf = (image: string) => e.dockerSync(['inspect', '-f', '{{index .RootFS.Layers 1}}', image]).stdout;
    // at the start of a second (the virtual clock moves a millisecond per read), so both fall within it
    e.daemon.clock.waitUntil(Math.ceil(e.daemon.clock.peek() / 1000) * 1000 + 1);
    e.dockerSync(['run', '--name', 't2', 'drydock/busybox:1.35', 'mkdir', '-p', '/d']);
    e.dockerSync(['commit', 't2', 'dir-a']);
    assert.equal(e.dockerSync(['build', '-q', '-t', 'dir-b', '.']).exitCode, 0);
    assert.equal(layerOf('dir-a'), layerOf('dir-b'));
    e.daemon.clock.advance(1500);
    assert.equal(e.dockerSync(['build', '-q', '--no-cache', '-t', 'dir-c', '.']).exitCode, 0);
    assert.notEqual(layerOf('dir-c'), layerOf('dir-a'));
  });
});
