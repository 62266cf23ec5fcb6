// /dev in a simulated container against what Docker 20.10 showed for the same commands (`drydock compare` found
// them identical): a tmpfs whose directory sizes count entries, devpts with ptmx, shm and mqueue, and under -t
// the container's terminal as /dev/console and /dev/pts/0.

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

const sh = (args: string[], script: string) => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const r = e.dockerSync(['run', '--rm', ...args, 'centos', 'sh', '-c', script]);
  assert.equal(r.exitCode, 0, r.stderr);
  return r.stdout;
};

describe('simulator: /dev', () => {
  it('reports tmpfs and devpts sizes, blocks and device numbers as the kernel does', () => {
    const out = sh([], 'stat -c "%n %s %b %h %a" /dev /dev/pts /dev/shm /dev/mqueue; stat -c "%n %t %T %a" /dev/pts/ptmx /dev/null; readlink /dev/ptmx; touch /dev/newf; mkdir /dev/newd; echo hello > /dev/shm/x; stat -c "%n %s %b" /dev /dev/newd /dev/shm /dev/shm/x');
    assert.equal(
      out,
      [
        '/dev 320 0 5 755',
        '/dev/pts 0 0 2 755',
        '/dev/shm 40 0 2 1777',
        '/dev/mqueue 40 0 2 1777',
        '/dev/pts/ptmx 5 2 666',
        '/dev/null 1 3 666',
        'pts/ptmx',
        '/dev 360 0',
        '/dev/newd 40 0',
        '/dev/shm 60 0',
        '/dev/shm/x 6 8',
        '',
      ].join('\n'),
    );
  });

  it('gives a -t container its terminal', () => {
    assert.equal(sh(['-t'], 'ls -l /dev/console /dev/pts/0 | cut -c1-43'), 'crw--w----    1 0        5         136,   0\r\ncrw--w----    1 0        5         136,   0\r\n');
    assert.equal(sh([], 'ls /dev/console 2>&1; ls /dev/pts'), "ls: /dev/console: No such file or directory\nptmx\n");
  });
});

describe('simulator: a terminal under -t', () => {
  it('carries both streams on stdout with CRLF line ends, in run, exec and logs (as 20.10 does)', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    const run = e.dockerSync(['run', '--name', 'tt', '-t', 'centos', 'sh', '-c', 'echo out; echo err >&2']);
    assert.deepEqual([run.stdout, run.stderr], ['out\r\nerr\r\n', '']);
    assert.equal(e.dockerSync(['logs', 'tt']).stdout, 'out\r\nerr\r\n');
    assert.equal(e.dockerSync(['run', '-d', '--name', 'up', 'centos', 'sleep', '300']).exitCode, 0);
    const exec = e.dockerSync(['exec', '-t', 'up', 'sh', '-c', 'echo a; echo b >&2']);
    assert.deepEqual([exec.stdout, exec.stderr], ['a\r\nb\r\n', '']);
    const plain = e.dockerSync(['exec', 'up', 'sh', '-c', 'echo a; echo b >&2']);
    assert.deepEqual([plain.stdout, plain.stderr], ['a\n', 'b\n']);
  });
});
