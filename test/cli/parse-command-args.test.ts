// The shared option parser: one message style for every subcommand, naming it and the option as typed.

import assert from 'node:assert/strict';
import { parseCommandArgs } from '../../src/cli/parse-command-args.js';
import { UsageError } from '../../src/cli/usage-error.js';

const OPTIONS = { out: { type: 'string', short: 'o' }, bail: { type: 'boolean' }, tag: { type: 'string', multiple: true } } as const;

function refusal(argv: string[], maxPositionals?: number): UsageError {
  try {
    parseCommandArgs('demo', argv, OPTIONS, maxPositionals === undefined ? {} : { maxPositionals });
  } catch (e) {
    assert.ok(e instanceof UsageError, String(e));
    assert.equal(e.command, 'demo');
    return e;
  }
  assert.fail(`${argv.join(' ')} was accepted`);
}

describe('parseCommandArgs', () => {
  it('reads options and positionals in any order', () => {
    const r = parseCommandArgs('demo', ['a', '-o', 'dir', '--bail', 'b', '--tag', 'x', '--tag=y'], OPTIONS);
    assert.ok(!r.help);
    assert.deepEqual([r.values.out, r.values.bail, r.values.tag, r.positionals], ['dir', true, ['x', 'y'], ['a', 'b']]);
  });

  it('-h and --help ask for help anywhere before --, even beside a mistake or where a value was forgotten', () => {
    for (const argv of [['-h'], ['--help'], ['a', '--help'], ['--nope', '--help'], ['--out', 'x', '-h', 'extra'], ['-bh'], ['--out', '--help']]) {
      assert.deepEqual(parseCommandArgs('demo', argv, OPTIONS, { maxPositionals: 0 }), { help: true }, argv.join(' '));
    }
    const after = parseCommandArgs('demo', ['--', '--help'], OPTIONS);
    assert.deepEqual(after.help ? [] : after.positionals, ['--help']);
  });

  it('an unknown option is named as typed, with the closest known one', () => {
    assert.equal(refusal(['--nope']).message, 'unknown option --nope');
    assert.equal(refusal(['--bial']).message, 'unknown option --bial; did you mean --bail?');
    assert.equal(refusal(['-x']).message, 'unknown option -x');
  });

  it('a missing value, a value given to a switch, and a forgotten value before another option', () => {
    assert.equal(refusal(['--out']).message, 'option --out needs a value');
    assert.equal(refusal(['-o']).message, 'option -o needs a value');
    assert.equal(refusal(['--bail=yes']).message, 'option --bail takes no value, not "yes"');
    assert.equal(refusal(['--out', '--bail']).message, "option --out needs a value (for one that starts with '-', write --out=--bail)");
    const dashed = parseCommandArgs('demo', ['--out=-x'], OPTIONS);
    assert.equal(dashed.help ? undefined : dashed.values.out, '-x');
  });

  it('more positionals than the command takes', () => {
    assert.equal(refusal(['a'], 0).message, 'unexpected argument "a" (demo takes none)');
    assert.equal(refusal(['a', 'b'], 1).message, 'unexpected argument "b"');
  });
});
