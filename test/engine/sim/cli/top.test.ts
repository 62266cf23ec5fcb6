import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

// Docker 20.10 (measured): `docker top` of `run -d busybox sleep 300` prints ps -ef's columns through a tabwriter
// of minimum width 20: `root  27594  27573  1  00:28  ?  00:00:00  sleep 300`, PIDs being host PIDs (the same
// as State.Pid); a stopped container gives "Container <id> is not running" (exit 1).

describe('simulator: docker top', () => {
  const engine = () => createSimEngine({ host: new TreeBackend(), cwd: '/' });

  it('lists a main process that starts no others with the columns and widths of ps -ef', () => {
    const e = engine();
    e.dockerSync(['run', '-d', '--name', 'top1', 'drydock/busybox:1.35', 'sleep', '300']);
    const pid = e.dockerSync(['inspect', '-f', '{{.State.Pid}}', 'top1']).stdout.trim();
    const r = e.dockerSync(['top', 'top1']);
    assert.equal(r.exitCode, 0, r.stderr);
    const [head, row, ...rest] = r.stdout.split('\n');
    assert.equal(head, ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME'].map((t) => t.padEnd(20)).join('') + 'CMD');
    assert.match(row ?? '', new RegExp(`^root {16}${pid} +\\d+ +0 +00:00 +\\? +00:00:00 {12}sleep 300$`));
    assert.deepEqual(rest, ['']);
  });

  it('lists a script asleep with the child it waits for (20.10: sh -c … as PID 1, its sleep below it)', () => {
    // measured on 20.10: `run -d busybox sh -c 'while true; do sleep 1; done'` gives two rows, the shell and
    // `sleep 1`, whose PPID is the shell's host PID
    const e = engine();
    e.dockerSync(['run', '-d', '--name', 'top2', 'drydock/busybox:1.35', 'sh', '-c', 'sleep 300; echo']);
    const pid = Number(e.dockerSync(['inspect', '-f', '{{.State.Pid}}', 'top2']).stdout.trim());
    const r = e.dockerSync(['top', 'top2']);
    assert.equal(r.exitCode, 0, r.stderr);
    const rows = r.stdout.split('\n').slice(1, -1).map((l) => l.split(/ {2,}/));
    assert.deepEqual(rows.map((c) => [c[1], c[2], c[7]]), [
      [String(pid), String(pid - 21), 'sh -c sleep 300; echo'],
      [String(pid + 5), String(pid), 'sleep 300'],
    ]);
  });

  it('refuses ps options plainly', () => {
    const e = engine();
    e.dockerSync(['run', '-d', '--name', 'top3', 'drydock/busybox:1.35', 'sleep', '300']);
    const options = e.dockerSync(['top', 'top3', 'aux']);
    assert.deepEqual([options.stdout, options.exitCode], ['', 125]);
  });

  it('answers a stopped or missing container as the daemon does', () => {
    const e = engine();
    const id = e.dockerSync(['create', '--name', 'top4', 'drydock/busybox:1.35', 'sleep', '3']).stdout.trim();
    assert.deepEqual(e.dockerSync(['top', 'top4']), { exitCode: 1, stdout: '', stderr: `Error response from daemon: Container ${id} is not running\n` });
    assert.deepEqual(e.dockerSync(['top', 'nope']), { exitCode: 1, stdout: '', stderr: 'Error response from daemon: No such container: nope\n' });
  });
});

describe('simulator: host PIDs of several containers', () => {
  it('never gives two running containers, or their processes in docker top, the same host PID', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    for (const name of ['hp1', 'hp2']) e.dockerSync(['create', '--name', name, 'drydock/busybox:1.35', 'sh', '-c', 'sleep 300; true']);
    for (const name of ['hp1', 'hp2']) e.dockerSync(['start', name]);
    const pids = ['hp1', 'hp2'].flatMap((name) => e.dockerSync(['top', name]).stdout.trim().split('\n').slice(1).map((row) => row.split(/ +/)[1]));
    assert.equal(pids.length, 4);
    assert.equal(new Set(pids).size, 4, pids.join(' '));
  });
});
