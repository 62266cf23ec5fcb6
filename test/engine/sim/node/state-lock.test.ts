// The state directory's lock: a lock left by a process that is gone, or one that records no owner (what a kill
// between an older drydock's mkdir and its pid write left), is taken over after saying so; a live owner's is
// waited for and reported. On main a pid-less lock blocked the state for good.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError } from '../../../../src/errors/engine-error.js';
import { acquireStateLock } from '../../../../src/engine/sim/node/state-lock.js';

describe('state directory lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'drydock-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes over a lock folder without a pid file, saying so', () => {
    mkdirSync(join(dir, 'lock'));
    const said: string[] = [];
    const release = acquireStateLock(dir, 1000, (t) => said.push(t));
    assert.equal(readFileSync(join(dir, 'lock', 'pid'), 'utf8'), String(process.pid));
    assert.match(said.join(''), /taking over the lock of the state directory .*: it records no owner/);
    release();
    assert.equal(existsSync(join(dir, 'lock')), false);
  });

  it('takes over the lock of a process that is no longer running, saying so', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    mkdirSync(join(dir, 'lock'));
    writeFileSync(join(dir, 'lock', 'pid'), gone);
    const said: string[] = [];
    acquireStateLock(dir, 1000, (t) => said.push(t))();
    assert.match(said.join(''), new RegExp(`its owner, process ${gone}, is not running`));
  });

  it('waits for a live owner and then reports it, taking nothing over', () => {
    mkdirSync(join(dir, 'lock'));
    writeFileSync(join(dir, 'lock', 'pid'), String(process.pid));
    const said: string[] = [];
    assert.throws(() => acquireStateLock(dir, 100, (t) => said.push(t)), (e: unknown) => e instanceof EngineError && e.code === 'STATE_LOCKED' && e.message.includes(`in use by process ${process.pid}`));
    assert.deepEqual(said, []);
    assert.equal(readFileSync(join(dir, 'lock', 'pid'), 'utf8'), String(process.pid));
  });
});
