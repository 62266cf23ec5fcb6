// Every entry point ends through exitCodeOf (src/cli/exit-code.ts): bad usage or input is exit 2, a bug of
// drydock's own exit 70 (docs/errors.md), never 2 and never Node's 1 with a bare stack.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { exitCodeOf } from '../../src/cli/exit-code.js';
import { EXIT, type CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { InputError, UsageError } from '../../src/cli/usage-error.js';

function capture(): { io: CliIo; err: () => string } {
  let err = '';
  return { io: { stdout: () => undefined, stderr: (t) => void (err += t), isTTY: false, cwd: '/', env: {} }, err: () => err };
}

describe('exit codes of an entry point', () => {
  it('an unexpected exception is exit 70 with the internal error text', async () => {
    const { io, err } = capture();
    assert.equal(await exitCodeOf(() => Promise.reject(new TypeError('x is undefined')), io), 70);
    assert.match(err(), /^drydock: internal error \(exit 70\): TypeError: x is undefined\nThis is a bug in drydock/);
  });

  it('a usage or input error is exit 2 with its own message, not an internal error', async () => {
    const usage = capture();
    assert.equal(await exitCodeOf(() => Promise.reject(new UsageError('unknown option --x', 'run')), usage.io), EXIT.usage);
    assert.doesNotMatch(usage.err(), /internal error/);
    const input = capture();
    assert.equal(await exitCodeOf(() => Promise.reject(new InputError('cannot read a.sh: no such file', 'compare')), input.io), EXIT.usage);
    assert.equal(input.err(), 'drydock compare: cannot read a.sh: no such file\n');
  });

  it('drydock main: a failure inside a command is 70 (here writing its output throws)', async () => {
    let err = '';
    const io: CliIo = { stdout: () => { throw new RangeError('stdout broke'); }, stderr: (t) => void (err += t), isTTY: false, cwd: '/', env: {} };
    assert.equal(await main(['--version'], io), 70);
    assert.match(err, /^drydock: internal error \(exit 70\): RangeError: stdout broke/);
  });

  it('the other entry points (fuzz tester, the two docker programs of drydock compare) end through exitCodeOf', () => {
    for (const entry of ['../../src/cli/fuzz-diff/main.ts', '../../src/cli/compare/sim-docker-entry.ts', '../../src/cli/compare/real-docker-main.ts']) {
      const text = readFileSync(new URL(entry, import.meta.url), 'utf8');
      assert.match(text, /^process\.exitCode = await exitCodeOf\(/m, entry);
    }
  });
});
