// The state directory of `drydock docker`: the processes of running containers survive it, and a state saved
// while the built-in images were one thing still loads when a later drydock ships other fixtures (as a real
// daemon keeps the images it has).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDockerCommand } from '../../../../src/engine/sim/cli/sim-cli.js';
import type { FixtureSet } from '../../../../src/engine/sim/fixture-images.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { loadFixtures } from '../../../../src/engine/sim/node/load-fixtures.js';
import { loadState, saveState } from '../../../../src/engine/sim/node/state-store.js';
import { virtualClock } from '../../../../src/engine/sim/state/clock.js';

/** The same fixtures with another catalina.sh in the tomcat stand-in: its COPY layer and all above it differ. */
function changedFixtures(set: FixtureSet): FixtureSet {
  return {
    ...set,
    images: set.images.map((spec) => {
      if (spec.name !== 'tomcat:latest') return spec;
      const files = new Map(spec.files);
      const script = files.get('catalina.sh');
      assert.ok(script, 'the tomcat fixture has catalina.sh');
      files.set('catalina.sh', { ...script, data: new TextEncoder().encode('#!/bin/sh\necho "version 2"\nexec sleep 100000\n') });
      return { ...spec, files };
    }),
  };
}

describe('simulator state directory across fixture versions', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'drydock-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a state whose containers and images sit on fixtures this drydock no longer ships', () => {
    const before = loadFixtures();
    const host = new TreeBackend();
    const first = loadState(dir, before, host, virtualClock());
    const run = runDockerCommand(first, ['run', '-d', '--name', 'old', 'tomcat', 'sh', '-c', 'echo kept > /kept.txt; sleep 300'], { stdin: new Uint8Array(0), cwd: '/', env: new Map() });
    assert.equal(run.exitCode, 0, run.stderr);
    const oldId = runDockerCommand(first, ['image', 'inspect', '-f', '{{.Id}}', 'tomcat'], { stdin: new Uint8Array(0), cwd: '/', env: new Map() }).stdout;
    saveState(first, dir);

    const after = changedFixtures(before);
    const second = loadState(dir, after, host, virtualClock());
    const io = { stdin: new Uint8Array(0), cwd: '/', env: new Map<string, string>() };
    assert.equal(runDockerCommand(second, ['exec', 'old', 'cat', '/kept.txt'], io).stdout, 'kept\n');
    assert.match(runDockerCommand(second, ['exec', 'old', 'cat', '/usr/local/tomcat/bin/catalina.sh'], io).stdout, /Fake Catalina/);
    // the saved tag wins, as on a daemon that already had the image
    assert.equal(runDockerCommand(second, ['image', 'inspect', '-f', '{{.Id}}', 'tomcat'], io).stdout, oldId);
  });

  it("keeps files named like whiteouts (.wh.x) in volumes and writable layers as files after loading again", () => {
    const fixtures = loadFixtures();
    const host = new TreeBackend();
    const io = { stdin: new Uint8Array(0), cwd: '/', env: new Map<string, string>() };
    const first = loadState(dir, fixtures, host, virtualClock());
    const script = 'mkdir /v/d && echo x > /v/.wh.x && echo o > /v/d/.wh..wh..opq && touch /.wh.q /tmp/.wh.r && rm /etc/hostname.bak 2>/dev/null; rm -f /bin/true';
    const run = runDockerCommand(first, ['run', '--name', 'wh', '-v', 'wv:/v', 'ubuntu', 'sh', '-c', script], io);
    assert.equal(run.exitCode, 0, run.stderr);
    const look = (daemon: typeof first) => ({
      volume: runDockerCommand(daemon, ['run', '--rm', '-v', 'wv:/v', 'ubuntu', 'find', '/v'], io).stdout,
      diff: runDockerCommand(daemon, ['diff', 'wh'], io).stdout,
    });
    const before = look(first);
    assert.match(before.volume, /\/v\/\.wh\.x\n/);
    assert.match(before.diff, /A \/\.wh\.q\n/);
    assert.match(before.diff, /D \/bin\/true\n/, 'a real deletion is in the diff too');
    saveState(first, dir);
    assert.deepEqual(look(loadState(dir, fixtures, host, virtualClock())), before);
  });

  it('commits a file named .wh.x as the deletion of x, as moby applies the layer tar, and the state loads again', () => {
    const fixtures = loadFixtures();
    const host = new TreeBackend();
    const io = { stdin: new Uint8Array(0), cwd: '/', env: new Map<string, string>() };
    const first = loadState(dir, fixtures, host, virtualClock());
    assert.equal(runDockerCommand(first, ['run', '--name', 'wc', 'ubuntu', 'sh', '-c', 'touch /.wh.q /tmp/.wh.bin; echo q > /q'], io).exitCode, 0);
    assert.equal(runDockerCommand(first, ['commit', 'wc', 'wci'], io).exitCode, 0);
    const inImage = (daemon: typeof first) => runDockerCommand(daemon, ['run', '--rm', 'wci', 'sh', '-c', 'ls -a / /tmp'], io).stdout;
    const seen = inImage(first);
    assert.doesNotMatch(seen, /\.wh\./, 'no whiteout-named file survives the commit (observed on 20.10)');
    saveState(first, dir);
    assert.equal(inImage(loadState(dir, fixtures, host, virtualClock())), seen);
  });

  it('keeps the processes of a running container: /proc and ps after loading again', () => {
    const fixtures = loadFixtures();
    const host = new TreeBackend();
    const io = { stdin: new Uint8Array(0), cwd: '/', env: new Map<string, string>() };
    const first = loadState(dir, fixtures, host, virtualClock());
    assert.equal(runDockerCommand(first, ['run', '-d', '--name', 'loop', 'drydock/busybox:1.35', 'sh', '-c', 'sleep 300; true'], io).exitCode, 0);
    saveState(first, dir);
    const second = loadState(dir, fixtures, host, virtualClock());
    // before processes were saved, a loaded state had an empty /proc: cat /proc/1/cmdline failed
    const r = runDockerCommand(second, ['exec', 'loop', 'sh', '-c', 'tr "\\0" " " < /proc/1/cmdline; echo; ps -o pid,ppid,args'], io);
    assert.equal(r.stderr, '');
    assert.deepEqual(r.stdout.split('\n').slice(0, 4), ['sh -c sleep 300; true ', 'PID   PPID  COMMAND', '    1     0 sh -c sleep 300; true', '    6     1 sleep 300']);
  });

  it('gives a running container of a state saved before processes were tracked its PID 1', () => {
    const fixtures = loadFixtures();
    const host = new TreeBackend();
    const io = { stdin: new Uint8Array(0), cwd: '/', env: new Map<string, string>() };
    const first = loadState(dir, fixtures, host, virtualClock());
    runDockerCommand(first, ['run', '-d', '--name', 'old', 'drydock/busybox:1.35', 'sleep', '300'], io);
    saveState(first, dir);
    // what an older drydock wrote: no process table
    const file = join(dir, 'state.json');
    const saved = (JSON.parse(readFileSync(file, 'utf8')) as { state: { containers: { procs?: unknown }[] } }).state;
    for (const c of saved.containers) delete c.procs;
    const body = JSON.stringify(saved);
    writeFileSync(file, `{"format":2,"sha256":"${createHash('sha256').update(body).digest('hex')}","state":${body}}`);
    const second = loadState(dir, fixtures, host, virtualClock());
    const r = runDockerCommand(second, ['exec', 'old', 'sh', '-c', 'echo $$; ps -o pid,args'], io);
    const [pid, , init] = r.stdout.split('\n');
    assert.notEqual(pid, '1');
    assert.equal(init, '    1 sleep 300');
  });
});
