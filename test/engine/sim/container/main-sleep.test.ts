import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';
import type { SimEngine } from '../../../../src/engine/sim/sim-engine.js';
import { VIRTUAL_EPOCH, virtualClock, wallClock } from '../../../../src/engine/sim/state/clock.js';

// Behaviour measured on Docker 20.10 (busybox 1.35, --network none): `run -d … sleep 1`, two seconds later
// `ps -a` says `Exited (0) 1 second ago` and FinishedAt is about StartedAt + 1 s; `docker wait` blocks until the
// end and prints the exit code; `exec` then fails "is not running"; a container paused across the end of its
// sleep finishes when unpaused; `--rm -d` is gone after `wait` printed 0.

const BUSYBOX = 'drydock/busybox:1.35';

function engine(): SimEngine {
  return createSimEngine({ host: new TreeBackend(), cwd: '/', clock: virtualClock() });
}

function docker(e: SimEngine, ...argv: string[]): { stdout: string; stderr: string; exitCode: number } {
  return e.dockerSync(argv);
}

/** Lets `ms` of virtual time pass, as a `sleep` on the host between two commands would. */
function pass(e: SimEngine, ms: number): void {
  e.daemon.clock.advance(ms);
}

function times(e: SimEngine, name: string): { started: number; finished: number } {
  const [started = '', finished = ''] = docker(e, 'inspect', '-f', '{{.State.StartedAt}} {{.State.FinishedAt}}', name).stdout.trim().split(' ');
  return { started: Date.parse(started), finished: Date.parse(finished) };
}

const status = (e: SimEngine, name: string): string =>
  docker(e, 'ps', '-a', '--filter', `name=${name}`, '--format', '{{.Status}}').stdout.trim();

describe('simulator: a detached main process that sleeps', () => {
  it('exits once its sleep is over, finished at the end of the sleep rather than when it is looked at', () => {
    const e = engine();
    assert.equal(docker(e, 'run', '-d', '--name', 's1', BUSYBOX, 'sleep', '1').exitCode, 0);
    assert.equal(status(e, 's1'), 'Up Less than a second');
    pass(e, 2000);
    assert.equal(status(e, 's1'), 'Exited (0) 1 second ago');
    pass(e, 5000);
    const t = times(e, 's1');
    assert.ok(t.finished - t.started >= 1000 && t.finished - t.started < 1100, `${t.finished - t.started} ms`);
    const exec = docker(e, 'exec', 's1', 'true');
    assert.equal(exec.exitCode, 1);
    assert.match(exec.stderr, /^Error response from daemon: Container [0-9a-f]{64} is not running\n$/);
  });

  it('runs the rest of its script after the sleep, once, with the files it writes dated then', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 's2', BUSYBOX, 'sh', '-c', 'echo a; echo x >> /f; sleep 1; echo b; cat /f; touch /after; exit 3');
    assert.equal(docker(e, 'logs', 's2').stdout, 'a\n');
    assert.equal(e.daemon.containers.size, 1);
    pass(e, 500);
    assert.equal(docker(e, 'exec', 's2', 'ls', '/after').exitCode, 1, 'nothing after the sleep happens early');
    pass(e, 4000);
    assert.equal(docker(e, 'logs', 's2').stdout, 'a\nb\nx\n');
    assert.equal(docker(e, 'inspect', '-f', '{{.State.ExitCode}}', 's2').stdout, '3\n');
    assert.equal(docker(e, 'diff', 's2').stdout, 'A /after\nA /f\n');
    const { started } = times(e, 's2');
    const after = e.daemon.container('s2').fs.stat('/after');
    assert.ok(after && after.mtime - started >= 1000 && after.mtime - started < 1100, `mtime ${String(after?.mtime)} vs start ${started}`);
  });

  it('takes the path it took at its start, whatever it changed meanwhile', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 's3', BUSYBOX, 'sh', '-c', 'mkdir /d && sleep 1 && echo ok');
    pass(e, 2000);
    assert.equal(docker(e, 'logs', 's3').stdout, 'ok\n');
    assert.equal(status(e, 's3'), 'Exited (0) 1 second ago');
  });

  it('sees after its sleep what others did meanwhile (a file copied in by docker exec)', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 's4', BUSYBOX, 'sh', '-c', 'until [ -f /go ]; do sleep 1; done; echo go');
    pass(e, 1500);
    assert.equal(status(e, 's4'), 'Up 1 second');
    docker(e, 'exec', 's4', 'touch', '/go');
    pass(e, 3000);
    assert.equal(docker(e, 'logs', 's4').stdout, 'go\n');
    const t = times(e, 's4');
    assert.ok(t.finished - t.started >= 2000 && t.finished - t.started < 2100, `${t.finished - t.started} ms`);
  });

  it('keeps running through a loop of sleeps, its output growing as time passes', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 's5', BUSYBOX, 'sh', '-c', 'i=0; while [ $i -lt 5 ]; do i=$((i+1)); echo tick $i; sleep 1; done; echo end');
    pass(e, 2500);
    assert.equal(docker(e, 'logs', 's5').stdout, 'tick 1\ntick 2\ntick 3\n');
    assert.equal(status(e, 's5'), 'Up 2 seconds');
    pass(e, 1000);
    assert.equal(docker(e, 'logs', 's5').stdout, 'tick 1\ntick 2\ntick 3\ntick 4\n');
    pass(e, 2000);
    assert.equal(docker(e, 'logs', 's5').stdout, 'tick 1\ntick 2\ntick 3\ntick 4\ntick 5\nend\n');
  });

  it('keeps a long sleep running, as before', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 's6', BUSYBOX, 'sleep', '300');
    pass(e, 60_000);
    assert.equal(status(e, 's6'), 'Up About a minute');
    assert.equal(docker(e, 'stop', 's6').exitCode, 0);
    assert.equal(docker(e, 'inspect', '-f', '{{.State.ExitCode}}', 's6').stdout, '137\n');
  });

  it('lets a process that ignores the stop signal end by itself within the timeout', () => {
    // recorded on 20.10: PID 1 (sh) has no trap for SIGTERM, so docker stop waits; the sleep ends, /late is
    // made, the container exits 0 after about a second
    const e = engine();
    docker(e, 'run', '-d', '--name', 's7', BUSYBOX, 'sh', '-c', 'sleep 1; touch /late');
    docker(e, 'stop', 's7');
    assert.equal(docker(e, 'diff', 's7').stdout, 'A /late\n');
    assert.equal(docker(e, 'inspect', '-f', '{{.State.ExitCode}}', 's7').stdout, '0\n');
    // stop -t 0 kills at once (recorded on 20.10: no /late, 137)
    docker(e, 'run', '-d', '--name', 's8', BUSYBOX, 'sh', '-c', 'sleep 1; touch /late');
    docker(e, 'stop', '-t', '0', 's8');
    assert.equal(docker(e, 'diff', 's8').stdout, '');
    assert.equal(docker(e, 'inspect', '-f', '{{.State.ExitCode}}', 's8').stdout, '137\n');
  });

  it('runs the trap of the stop signal when the sleep it is in ends', () => {
    // moby's TestStopContainerSignal, recorded on 20.10 (cases/run/TestStopContainerSignal.json)
    const e = engine();
    docker(e, 'run', '-d', '--name', 's9', '--stop-signal', 'SIGUSR1', BUSYBOX, 'sh', '-c', `trap 'echo "exit trapped"; exit 0' USR1; while true; do sleep 1; done`);
    pass(e, 5000);
    docker(e, 'stop', 's9');
    assert.equal(docker(e, 'logs', 's9').stdout, 'exit trapped\n');
    assert.equal(docker(e, 'inspect', '-f', '{{.State.ExitCode}}', 's9').stdout, '0\n');
    // without the trap, the loop never ends: killed after the timeout
    docker(e, 'run', '-d', '--name', 's10', BUSYBOX, 'sh', '-c', 'while true; do sleep 1; done');
    docker(e, 'stop', 's10');
    assert.equal(docker(e, 'inspect', '-f', '{{.State.ExitCode}}', 's10').stdout, '137\n');
  });

  it('finishes a sleep that ended while paused only when unpaused', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 's8', BUSYBOX, 'sh', '-c', 'sleep 1; echo done');
    docker(e, 'pause', 's8');
    pass(e, 2000);
    assert.equal(status(e, 's8'), 'Up 2 seconds (Paused)');
    assert.equal(docker(e, 'logs', 's8').stdout, '');
    docker(e, 'unpause', 's8');
    assert.equal(status(e, 's8'), 'Exited (0) Less than a second ago');
    const t = times(e, 's8');
    assert.ok(t.finished - t.started >= 2000, `${t.finished - t.started} ms`);
    assert.equal(docker(e, 'logs', 's8').stdout, 'done\n');
  });
});

describe('simulator: docker wait on a sleeping container', () => {
  it('lets the time pass until the end and prints the exit code', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 'w1', BUSYBOX, 'sh', '-c', 'sleep 2; exit 4');
    const before = e.daemon.clock.peek();
    const r = docker(e, 'wait', 'w1');
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['4\n', '', 0]);
    assert.ok(e.daemon.clock.peek() - before >= 2000, 'the clock moved to the end of the sleep');
    assert.equal(status(e, 'w1'), 'Exited (4) Less than a second ago');
  });

  it('removes an --rm container once it ended', () => {
    const e = engine();
    docker(e, 'run', '-d', '--rm', '--name', 'w2', BUSYBOX, 'sleep', '1');
    assert.equal(docker(e, 'wait', 'w2').stdout, '0\n');
    assert.equal(docker(e, 'ps', '-aq').stdout, '');
  });

  it('would block on a sleep longer than a client waits, without moving time', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 'w3', BUSYBOX, 'sleep', '300');
    const before = e.daemon.clock.peek();
    const r = docker(e, 'wait', 'w3');
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', 'drydock: docker wait w3 would block: the container is still running\n', 124]);
    assert.ok(e.daemon.clock.peek() - before < 100);
    assert.equal(docker(e, 'logs', 'w3').stdout, '');
  });

  it('settles before a check reads the container through the read facet', async () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 'w4', BUSYBOX, 'sh', '-c', 'sleep 1; echo late > /late');
    pass(e, 1500);
    assert.equal(new TextDecoder().decode(await e.readFile({ kind: 'container', name: 'w4' }, '/late')), 'late\n');
    const state = ((await e.inspect({ kind: 'container', name: 'w4' })) as { State: { Status: string } }).State;
    assert.equal(state.Status, 'exited');
  });
});

describe('simulator: virtual clock', () => {
  it('peeks without moving and waits by jumping', () => {
    const clock = virtualClock(VIRTUAL_EPOCH);
    assert.equal(clock.peek(), VIRTUAL_EPOCH);
    assert.equal(clock.peek(), VIRTUAL_EPOCH);
    clock.waitUntil(VIRTUAL_EPOCH + 500);
    assert.equal(clock.peek(), VIRTUAL_EPOCH + 500);
    clock.waitUntil(VIRTUAL_EPOCH);
    assert.equal(clock.peek(), VIRTUAL_EPOCH + 500);
  });
});

describe('simulator: wall clock', () => {
  it('waits for real through the blocking function it is given, until the time has come', () => {
    // the first block returns at once (a wake-up before its time): the clock must block again, for the rest
    const blocks: number[] = [];
    const clock = wallClock({ block: (ms) => (blocks.push(ms) > 1 ? busyWait(ms) : undefined) });
    const until = clock.now() + 50;
    clock.waitUntil(until);
    assert.ok(Date.now() >= until, 'returned only once the time had come');
    assert.ok(blocks.length >= 2 && (blocks[0] ?? 0) > 30, `blocked ${blocks.join(', ')} ms`);
  });

  it('without one, moves its offset on as a sleep does', () => {
    const clock = wallClock();
    const until = clock.now() + 60_000;
    clock.waitUntil(until);
    assert.ok(clock.peek() >= until && Date.now() < until);
  });
});

function busyWait(ms: number): boolean {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // spin: the test checks that waitUntil keeps blocking until the deadline
  }
  return true;
}
