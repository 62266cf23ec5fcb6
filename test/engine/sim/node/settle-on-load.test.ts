import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VIRTUAL_EPOCH } from '../../../../src/engine/sim/state/clock.js';
import { invokeOnState } from './invoke-on-state.js';

// `drydock docker` loads its state afresh for every command: a main process asleep when one invocation ended
// must have moved on when a later one looks, by the clock of that later invocation (injected here).

describe('drydock docker state: a sleeping main process across invocations', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'drydock-settle-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const invoke = (at: number, ...argv: string[]) => invokeOnState(dir, at, argv);

  it('finds it exited, at its deadline, once the deadline has passed', () => {
    const t0 = VIRTUAL_EPOCH;
    assert.equal(invoke(t0, 'run', '-d', '--name', 'later', 'drydock/busybox:1.35', 'sh', '-c', 'echo one; sleep 1; echo two').exitCode, 0);
    assert.equal(invoke(t0 + 500, 'ps', '-a', '--format', '{{.Status}}').stdout, 'Up Less than a second\n');
    assert.equal(invoke(t0 + 2500, 'ps', '-a', '--format', '{{.Status}}').stdout, 'Exited (0) 1 second ago\n');
    assert.equal(invoke(t0 + 3000, 'logs', 'later').stdout, 'one\ntwo\n');
    const finished = Date.parse(invoke(t0 + 3000, 'inspect', '-f', '{{.State.FinishedAt}}', 'later').stdout.trim());
    assert.ok(finished - t0 >= 1000 && finished - t0 < 1100, `${finished - t0} ms`);
  });
});
