import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDockerCommand } from '../../../../src/engine/sim/cli/sim-cli.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { loadFixtures } from '../../../../src/engine/sim/node/load-fixtures.js';
import { loadState, saveState } from '../../../../src/engine/sim/node/state-store.js';
import { VIRTUAL_EPOCH, virtualClock } from '../../../../src/engine/sim/state/clock.js';

// `drydock docker` loads its state afresh for every command: a main process asleep when one invocation ended
// must have moved on when a later one looks, by the clock of that later invocation (injected here).

describe('drydock docker state: a sleeping main process across invocations', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'drydock-settle-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const invoke = (at: number, ...argv: string[]) => {
    const fixtures = loadFixtures();
    const daemon = loadState(dir, fixtures, new TreeBackend(), virtualClock(at));
    const result = runDockerCommand(daemon, argv, { stdin: new Uint8Array(0), cwd: '/', env: new Map() });
    saveState(daemon, dir);
    return result;
  };

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
