import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';
import type { SimEngine } from '../../../../src/engine/sim/sim-engine.js';
import { VIRTUAL_EPOCH, virtualClock } from '../../../../src/engine/sim/state/clock.js';
import { invokeOnState } from '../node/invoke-on-state.js';

// A main process that waits for a background job (`sleep 1000 & wait`, the usual way to make a shell's traps
// run at docker stop), signals from docker stop and docker kill -s with and without a trap, and `sleep
// infinity`. Every expectation was recorded on 20.10 (busybox 1.35, --network none) on 2026-12-06.

const BUSYBOX = 'drydock/busybox:1.35';

function engine(): SimEngine {
  return createSimEngine({ host: new TreeBackend(), cwd: '/', clock: virtualClock() });
}

function docker(e: SimEngine, ...argv: string[]): { stdout: string; stderr: string; exitCode: number } {
  return e.dockerSync(argv);
}

const exitCode = (e: SimEngine, name: string): string => docker(e, 'inspect', '-f', '{{.State.Status}} {{.State.ExitCode}}', name).stdout.trim();
const commands = (e: SimEngine, name: string): string[] =>
  docker(e, 'top', name).stdout.trim().split('\n').slice(1).map((line) => line.split(/\s{2,}/).at(-1) ?? '');

describe('simulator: a main process that waits for a background job', () => {
  it('runs on past the job, then waits for it: the container keeps running until the job ends', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 'w1', BUSYBOX, 'sh', '-c', 'sleep 100 & echo hi > /x; wait; echo done');
    assert.equal(exitCode(e, 'w1'), 'running 0');
    assert.equal(docker(e, 'exec', 'w1', 'cat', '/x').stdout, 'hi\n');
    assert.deepEqual(commands(e, 'w1'), ['sh -c sleep 100 & echo hi > /x; wait; echo done', 'sleep 100']);
    e.daemon.clock.advance(101_000);
    assert.equal(exitCode(e, 'w1'), 'exited 0');
    assert.equal(docker(e, 'logs', 'w1').stdout, 'done\n');
  });

  it('stops at once when the shell traps the stop signal, which cuts the wait short (128+15)', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 'w2', BUSYBOX, 'sh', '-c', 'trap "echo got; exit 3" TERM; sleep 1000 & wait');
    const before = e.daemon.clock.peek();
    docker(e, 'stop', 'w2');
    // 20.10: `docker stop` returned in 0.1 s
    assert.ok(e.daemon.clock.peek() - before < 1000, `stop took ${e.daemon.clock.peek() - before} ms`);
    assert.deepEqual([docker(e, 'logs', 'w2').stdout, exitCode(e, 'w2')], ['got\n', 'exited 3']);
    docker(e, 'run', '-d', '--name', 'w3', BUSYBOX, 'sh', '-c', 'trap "echo got" TERM; sleep 1000 & wait; echo after $?');
    docker(e, 'stop', 'w3');
    assert.deepEqual([docker(e, 'logs', 'w3').stdout, exitCode(e, 'w3')], ['got\nafter 143\n', 'exited 0']);
  });

  it('is killed after the timeout when nothing traps the stop signal', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 'w4', BUSYBOX, 'sh', '-c', 'sleep 1000 & wait');
    docker(e, 'stop', '-t', '2', 'w4');
    assert.equal(exitCode(e, 'w4'), 'exited 137');
    // a job that ends within the timeout ends the wait, and the script, by itself (as `sleep 1; touch /late`)
    docker(e, 'run', '-d', '--name', 'w5', BUSYBOX, 'sh', '-c', 'sleep 1 & wait; echo ended');
    docker(e, 'stop', 'w5');
    assert.deepEqual([docker(e, 'logs', 'w5').stdout, exitCode(e, 'w5')], ['ended\n', 'exited 0']);
  });

  it('runs the trap of a docker kill -s signal at once in a wait, and again at the next one', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 'k6', BUSYBOX, 'sh', '-c', 'trap "echo got USR1" USR1; while true; do sleep 1000 & wait; echo "woke $?"; done');
    assert.equal(docker(e, 'kill', '-s', 'USR1', 'k6').stdout, 'k6\n');
    e.daemon.clock.advance(300);
    docker(e, 'kill', '-s', 'USR1', 'k6');
    assert.equal(docker(e, 'logs', 'k6').stdout, 'got USR1\nwoke 138\ngot USR1\nwoke 138\n');
    // the interrupted waits leave their sleeps running
    assert.deepEqual(commands(e, 'k6').slice(1), ['sleep 1000', 'sleep 1000', 'sleep 1000']);
    // a later look at the container replays the same history: nothing is printed twice
    e.daemon.clock.advance(5000);
    assert.equal(docker(e, 'logs', 'k6').stdout, 'got USR1\nwoke 138\ngot USR1\nwoke 138\n');
    assert.equal(exitCode(e, 'k6'), 'running 0');
  });

  it('delivers a signal a docker exec sends PID 1 as docker kill -s does; SIGKILL from inside is ignored', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 'k7', BUSYBOX, 'sh', '-c', 'trap "echo got USR1" USR1; while true; do sleep 1000 & wait; echo "woke $?"; done');
    assert.deepEqual(docker(e, 'exec', 'k7', 'kill', '-USR1', '1'), { stdout: '', stderr: '', exitCode: 0 });
    assert.equal(docker(e, 'exec', 'k7', 'sh', '-c', 'kill -s USR1 1; echo sent').stdout, 'sent\n');
    assert.equal(docker(e, 'exec', 'k7', 'kill', '-9', '1').exitCode, 0);
    assert.equal(docker(e, 'logs', 'k7').stdout, 'got USR1\nwoke 138\ngot USR1\nwoke 138\n');
    assert.equal(exitCode(e, 'k7'), 'running 0');
  });

  it('runs the trap of a docker kill -s signal only when a foreground sleep ends', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 'k5', BUSYBOX, 'sh', '-c', 'trap "echo got USR1" USR1; sleep 3; echo after-sleep; sleep 1000');
    e.daemon.clock.advance(500);
    docker(e, 'kill', '-s', 'USR1', 'k5');
    e.daemon.clock.advance(300);
    assert.equal(docker(e, 'logs', 'k5').stdout, '');
    e.daemon.clock.advance(3000);
    assert.equal(docker(e, 'logs', 'k5').stdout, 'got USR1\nafter-sleep\n');
    // a signal nothing traps changes nothing: PID 1 ignores it
    docker(e, 'kill', '-s', 'HUP', 'k5');
    assert.equal(exitCode(e, 'k5'), 'running 0');
  });
});

describe('simulator: sleep infinity', () => {
  it('keeps a container running, and an exec of it does not return', () => {
    const e = engine();
    docker(e, 'run', '-d', '--name', 'i1', BUSYBOX, 'sleep', 'infinity');
    e.daemon.clock.advance(3_600_000);
    assert.equal(exitCode(e, 'i1'), 'running 0');
    const r = docker(e, 'exec', 'i1', 'sh', '-c', 'sleep INF; echo never');
    assert.deepEqual([r.stdout, r.exitCode], ['', 124]);
    assert.match(r.stderr, /keeps running; it would not return on a real engine either/);
    // busybox reads only the first argument's first three letters
    docker(e, 'run', '-d', '--name', 'i2', BUSYBOX, 'sleep', 'info', 'x');
    assert.equal(exitCode(e, 'i2'), 'running 0');
  });
});

describe('drydock docker state: signals and waits across invocations', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'drydock-signals-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** One `drydock docker` process at `ms` after the epoch: the state is loaded, the command run, the state saved. */
  const invoke = (ms: number, ...argv: string[]) => invokeOnState(dir, VIRTUAL_EPOCH + ms, argv);

  it('keeps a signal sent during a sleep for the process that reaches its end', () => {
    invoke(0, 'run', '-d', '--name', 'k5', BUSYBOX, 'sh', '-c', 'trap "echo got USR1" USR1; sleep 3; echo after-sleep; sleep 1000');
    invoke(500, 'kill', '-s', 'USR1', 'k5');
    assert.equal(invoke(800, 'logs', 'k5').stdout, '');
    assert.equal(invoke(3500, 'logs', 'k5').stdout, 'got USR1\nafter-sleep\n');
  });

  it('replays the waits a signal cut short, in every later process', () => {
    invoke(0, 'run', '-d', '--name', 'k6', BUSYBOX, 'sh', '-c', `trap 'echo got USR1; n=$((n+1))' USR1; while true; do sleep 1000 & wait; echo "woke $? $n"; done`);
    invoke(500, 'kill', '-s', 'USR1', 'k6');
    invoke(800, 'kill', '-s', 'USR1', 'k6');
    assert.equal(invoke(900, 'logs', 'k6').stdout, 'got USR1\nwoke 138 1\ngot USR1\nwoke 138 2\n');
    invoke(1200, 'kill', '-s', 'USR1', 'k6');
    assert.equal(invoke(2000, 'logs', 'k6').stdout, 'got USR1\nwoke 138 1\ngot USR1\nwoke 138 2\ngot USR1\nwoke 138 3\n');
    invoke(2500, 'stop', '-t', '1', 'k6');
    assert.equal(invoke(4000, 'inspect', '-f', '{{.State.ExitCode}}', 'k6').stdout, '137\n');
  });
});
