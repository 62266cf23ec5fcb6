// `drydock daemon` and the thin client: the same docker commands give the same bytes, exit codes and saved
// state through the daemon as in process (alone and interleaved on one state), concurrent clients lose no
// update, a daemon killed mid-command leaves a state that loads, and the fast paths print what Node prints.
// Runs a fresh build of the sources (daemon-support.ts). Every daemon started here is stopped in after().
// Budget: about 1 minute on a quiet 2-core machine (most of it the in-process side's Node starts).

import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync, writeFileSync, mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAST_PATHS } from '../../scripts/fast-paths.js';
import { alive, buildPackage, daemonPid, drydockAsync, drydockSync, pathWithoutNode, type Ran, type Via } from './daemon-support.js';

// both sides' Node processes read one fixed instant, so outputs with times and IDs with creation times match
const FROZEN = '--import=data:text/javascript,Date.now=()=>1767225600000';

interface Step {
  argv: string[];
  input?: Buffer | ((earlier: Ran[]) => Buffer);
}

const DOCKERFILE = Buffer.from('FROM ubuntu\nRUN echo built > /built.txt\nCMD ["cat", "/built.txt"]\n');

/** A sequence with binary stdout, stdin input, errors and exit codes. */
const STEPS: Step[] = [
  { argv: ['run', '-d', '--name', 'work', 'ubuntu', 'sleep', '300'] },
  { argv: ['exec', 'work', 'sh', '-c', "printf 'a\\351\\377\\000z' > /bin.dat"] },
  { argv: ['cp', 'work:/bin.dat', '-'] },
  { argv: ['exec', '-i', 'work', 'sh', '-c', 'cat > /in.dat; wc -c < /in.dat'], input: Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 0x80, 0x41]) },
  { argv: ['exec', 'work', 'od', '-An', '-tx1', '/in.dat'] },
  { argv: ['import', '-', 'imported:1'], input: (earlier) => (earlier[2] as Ran).stdout },
  { argv: ['images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}} {{.CreatedSince}}'] },
  { argv: ['build', '-q', '-t', 'built:1', '-'], input: DOCKERFILE },
  { argv: ['run', '--rm', 'built:1'] },
  { argv: ['commit', 'work', 'mine:1'] },
  { argv: ['save', 'mine:1'] },
  { argv: ['rmi', 'mine:1'] },
  { argv: ['load'], input: (earlier) => (earlier[10] as Ran).stdout },
  { argv: ['run', '-i', '--name', 'reader', 'ubuntu', 'sh', '-c', 'cat; echo to-err >&2; exit 3'], input: Buffer.from('from stdin\n') },
  { argv: ['logs', 'reader'] },
  { argv: ['volume', 'create', 'v1'] },
  { argv: ['run', '--rm', '-v', 'v1:/d', 'ubuntu', 'sh', '-c', 'echo kept > /d/f'] },
  { argv: ['run', '--rm', '-v', 'v1:/d', 'ubuntu', 'cat', '/d/f'] },
  { argv: ['inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', 'work', 'reader'] },
  { argv: ['inspect', 'nosuch'] },
  { argv: ['run', '-t', 'ubuntu', 'true'] },
  { argv: ['nosuchcommand'] },
  { argv: ['export', 'work'] },
  { argv: ['ps', '-a'] },
  { argv: ['rm', '-f', 'work', 'reader'] },
  { argv: ['ps', '-a'] },
];

describe('drydock daemon: the resident simulator and its thin client', function () {
  this.timeout(300_000);
  let root: string;
  let noNode: string;
  let work: string;
  const started = new Set<number>();

  before(async () => {
    root = await buildPackage();
    noNode = pathWithoutNode(root);
    work = mkdtempSync(join(tmpdir(), 'drydock-daemon-'));
  });

  after(async () => {
    for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && [...started].some(alive); i++) await new Promise((r) => setTimeout(r, 20));
    const left = [...started].filter(alive);
    rmSync(root, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
    assert.deepEqual(left, [], 'no daemon outlives the tests');
  });

  /** A state directory, its host folder, and the environment of each way of running drydock on it. */
  function side(name: string, extra: NodeJS.ProcessEnv = {}) {
    const state = join(work, name, 'state');
    const host = join(work, name, 'host');
    mkdirSync(host, { recursive: true });
    const base = { HOME: process.env.HOME ?? '/', DRYDOCK_STATE: state, DRYDOCK_HOST_ROOT: host, DRYDOCK_CACHE: join(work, 'cache'), ...extra };
    const env = (via: Via): NodeJS.ProcessEnv => ({ ...base, PATH: via === 'daemon' ? noNode : (process.env.PATH ?? '') });
    const run = (via: Via, argv: string[], input?: Buffer) => drydockSync(root, via, ['docker', ...argv], env(via), host, input);
    const drydock = (argv: string[]) => drydockSync(root, 'in-process', argv, env('in-process'), host);
    const start = (...flags: string[]) => {
      const r = drydock(['daemon', 'start', ...flags]);
      assert.equal(r.code, 0, r.stderr.toString());
      const pid = daemonPid(state);
      started.add(pid);
      return pid;
    };
    const status = () => drydock(['daemon', 'status']);
    return { state, host, env, run, drydock, start, status };
  }

  function same(a: Ran, b: Ran, what: string): void {
    assert.equal(b.code, a.code, `${what}: exit code (stderr ${b.stderr.toString()})`);
    assert.ok(b.stdout.equals(a.stdout), `${what}: stdout differs:\n${a.stdout.toString('latin1').slice(0, 600)}\n---\n${b.stdout.toString('latin1').slice(0, 600)}`);
    assert.equal(b.stderr.toString('latin1'), a.stderr.toString('latin1'), `${what}: stderr`);
  }

  it('gives the same bytes, exit codes and saved state through the daemon, in process, and both interleaved on one state', () => {
    const inProcess = side('seq-a', { NODE_OPTIONS: FROZEN });
    const daemon = side('seq-b', { NODE_OPTIONS: FROZEN });
    const mixed = side('seq-c', { NODE_OPTIONS: FROZEN });
    daemon.start();
    mixed.start();
    const results: Ran[] = [];
    STEPS.forEach((step, i) => {
      const input = typeof step.input === 'function' ? step.input(results) : step.input;
      const a = inProcess.run('in-process', step.argv, input);
      results.push(a);
      same(a, daemon.run('daemon', step.argv, input), `daemon: docker ${step.argv.join(' ')}`);
      same(a, mixed.run(i % 2 === 0 ? 'daemon' : 'in-process', step.argv, input), `interleaved: docker ${step.argv.join(' ')}`);
    });
    // what the test is about: binary stdout, stdin, errors and exit codes really occurred
    assert.ok((results[2] as Ran).stdout.includes(Buffer.from([0x61, 0xe9, 0xff, 0x00, 0x7a])), 'cp … - wrote the raw bytes');
    assert.equal((results[3] as Ran).stdout.toString(), '8\n');
    assert.deepEqual([(results[13] as Ran).code, (results[19] as Ran).code, (results[21] as Ran).code], [3, 1, 1]);
    const saved = (s: { state: string }) => readFileSync(join(s.state, 'state.json'), 'utf8');
    assert.equal(saved(daemon), saved(inProcess), 'the daemon saved the state the in-process path saved');
    assert.equal(saved(mixed), saved(inProcess), 'interleaved commands saved the same state');
    // every daemon-side command was served by the daemon (its PATH has no node to fall back to), and the mixed
    // one read the state again after each in-process command changed it
    const counts = (s: { status: () => Ran }) => /(\d+) commands, (\d+) loads/.exec(s.status().stdout.toString())?.slice(1).map(Number);
    assert.deepEqual(counts(daemon), [STEPS.length, 1]);
    const [served, loads] = counts(mixed) ?? [];
    assert.equal(served, Math.ceil(STEPS.length / 2));
    assert.ok((loads as number) > 5, `the mixed daemon loaded the state again (${loads} loads)`);
    for (const s of [daemon, mixed]) assert.equal(s.drydock(['daemon', 'stop']).code, 0);
  });

  it('serves concurrent clients one at a time, beside in-process commands, losing no update', async () => {
    const s = side('concurrent');
    mkdirSync(s.state, { recursive: true });
    s.start();
    const runs = Array.from({ length: 9 }, (_, i) => drydockAsync(root, i % 3 === 2 ? 'in-process' : 'daemon', ['docker', 'volume', 'create', `v${i}`], s.env(i % 3 === 2 ? 'in-process' : 'daemon'), s.host));
    for (const r of await Promise.all(runs)) assert.equal(r.code, 0, r.stderr.toString());
    const ls = s.run('daemon', ['volume', 'ls', '-q']);
    assert.deepEqual(ls.stdout.toString().trim().split('\n').sort(), Array.from({ length: 9 }, (_, i) => `v${i}`));
    assert.equal(statSync(join(s.state, 'daemon.sock')).mode & 0o777, 0o600, 'the socket is its owner’s alone');
    assert.equal(s.drydock(['daemon', 'stop']).code, 0);
    assert.equal(existsSync(join(s.state, 'daemon.sock')), false, 'stop removes the socket');
  });

  it('leaves a state that loads when the daemon is killed mid-command, and the next command runs in process', async () => {
    const s = side('killed');
    mkdirSync(s.state, { recursive: true });
    const pid = s.start();
    assert.equal(s.run('daemon', ['run', '-d', '--name', 'slow', 'ubuntu', 'sh', '-c', 'sleep 4; exit 4']).code, 0);
    // `docker wait` holds the lock and blocks the daemon for about 4 s: kill it meanwhile
    const waiting = drydockAsync(root, 'daemon', ['docker', 'wait', 'slow'], s.env('daemon'), s.host);
    await new Promise((r) => setTimeout(r, 1000));
    process.kill(pid, 'SIGKILL');
    const waited = await waiting;
    assert.equal(waited.code, 125);
    assert.match(waited.stderr.toString(), /stopped before it answered/);
    const ps = s.run('in-process', ['ps', '-a', '--format', '{{.Names}}']);
    assert.equal(ps.code, 0, ps.stderr.toString());
    assert.equal(ps.stdout.toString(), 'slow\n');
    assert.match(ps.stderr.toString(), /taking over the lock .*not running/);
    assert.equal(existsSync(join(s.state, 'daemon.sock')), false, 'the dead daemon’s socket was removed');
    assert.equal(s.status().code, 1);
    s.start();
    const again = s.run('daemon', ['ps', '-a', '--format', '{{.Names}}']);
    assert.equal(again.stdout.toString(), 'slow\n', again.stderr.toString());
    assert.equal(s.drydock(['daemon', 'stop']).code, 0);
  });

  it('is not used by another drydock version, removes a stale socket at start, and exits when idle', async () => {
    const s = side('version');
    mkdirSync(s.state, { recursive: true });
    const pid = s.start();
    const idFile = join(root, 'dist', 'bundle', 'build-id');
    const id = readFileSync(idFile, 'utf8');
    writeFileSync(idFile, 'another-build\n');
    try {
      // through the launcher with node on PATH: the daemon refuses, the command runs in process
      const r = drydockSync(root, 'daemon', ['docker', 'volume', 'create', 'xx'], s.env('in-process'), s.host);
      assert.equal(r.code, 0, r.stderr.toString());
    } finally {
      writeFileSync(idFile, id);
    }
    assert.match(s.status().stdout.toString(), / 0 commands/);
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
    assert.match(s.status().stdout.toString(), /stale/);
    const next = s.start('--idle-timeout', '1s');
    assert.equal(s.run('daemon', ['volume', 'ls', '-q']).stdout.toString(), 'xx\n');
    const deadline = Date.now() + 20_000;
    while (alive(next) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(alive(next), false, 'the daemon exited after 1 s without a command');
    assert.equal(existsSync(join(s.state, 'daemon.sock')), false);
  });

  it('prints from the fast paths exactly what Node prints, without starting Node', () => {
    const s = side('fast');
    for (const argv of FAST_PATHS) {
      const slow = drydockSync(root, 'in-process', argv, s.env('in-process'), s.host);
      const fast = drydockSync(root, 'daemon', argv, s.env('daemon'), s.host);
      same(slow, fast, `drydock ${argv.join(' ')}`);
    }
  });
});
