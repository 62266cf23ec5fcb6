import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VIRTUAL_EPOCH } from '../../../../src/engine/sim/state/clock.js';
import { invokeOnState } from './invoke-on-state.js';

// A --tmpfs lives as long as its container runs: `drydock docker` commands in separate processes must see what
// one process would (the files written in it, its mode), and a new start must get an empty one again.

describe('drydock docker state: a running container\'s --tmpfs across invocations', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'drydock-tmpfs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const invoke = (...argv: string[]) => invokeOnState(dir, VIRTUAL_EPOCH, argv);

  it('keeps its files while the container runs, and starts empty again', () => {
    assert.equal(invoke('run', '-d', '--name', 't1', '--tmpfs', '/run:mode=700', 'drydock/busybox:1.35', 'sleep', '600').exitCode, 0);
    assert.equal(invoke('exec', 't1', 'sh', '-c', 'mkdir /run/d && echo x > /run/d/f').exitCode, 0);
    assert.equal(invoke('ps', '--format', '{{.Names}}').stdout, 't1\n');
    assert.equal(invoke('exec', 't1', 'cat', '/run/d/f').stdout, 'x\n');
    assert.equal(invoke('exec', 't1', 'stat', '-c', '%a', '/run').stdout, '700\n');
    invoke('stop', 't1');
    invoke('start', 't1');
    assert.equal(invoke('exec', 't1', 'ls', '-a', '/run').stdout, '.\n..\n');
  });
});
