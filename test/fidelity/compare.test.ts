import assert from 'node:assert/strict';
import { PairedNormalizer } from '../../src/runner/normalize/normalize-output.js';
import { applyElision, compareResult, differsOnlyInFixtureSizes, differsOnlyInRootLayout } from './compare.js';

describe('comparison', () => {
  it('cuts the lines an elision stands for out of the actual output', () => {
    assert.equal(applyElision('... (steps 1-122 omitted)\nStep 123\n', 'a\nb\nStep 123\n'), '... (steps 1-122 omitted)\nStep 123\n');
    assert.equal(applyElision('unknown flag\n(… the full `docker --help` text follows on stderr …)\n', 'unknown flag\nUsage\nmore\n'), 'unknown flag\n(… the full `docker --help` text follows on stderr …)\n');
    assert.equal(applyElision('head\n... (x)\ntail\n', 'head\ntail\n'), null);
    assert.equal(applyElision('no marker\n', 'anything\n'), 'anything\n');
  });

  it('compares exit codes only when the transcript shows one', () => {
    const n = new PairedNormalizer();
    const ctx = { expected: {}, actual: {} };
    assert.ok(compareResult({ stdout: '', stderr: '', exitCode: null }, { stdout: '', stderr: '', exitCode: 3 }, n, ctx).equal);
    assert.ok(!compareResult({ stdout: '', stderr: '', exitCode: 0 }, { stdout: '', stderr: '', exitCode: 3 }, n, ctx).equal);
  });

  it('accepts only the known fixture size pairs as a fixture-size difference', () => {
    const sizes = { human: [['1.98MB', '1.99MB'] as [string, string]], byteDelta: 2357 };
    assert.ok(differsOnlyInFixtureSizes('<ID1> |  | 1.98MB | Imported from -', '<ID1> |  | 1.99MB | Imported from -', sizes));
    assert.ok(differsOnlyInFixtureSizes('"Size": 1985525,', '"Size": 1987882,', sizes));
    assert.ok(!differsOnlyInFixtureSizes('<ID1> | 5.24MB', '<ID1> | 5.25MB', sizes));
    assert.ok(!differsOnlyInFixtureSizes('<ID1> | 1.98MB | a', '<ID2> | 1.99MB | a', sizes));
    assert.ok(!differsOnlyInFixtureSizes('same', 'same', sizes));
  });
});

describe('root layout of the fixture', () => {
  it('accepts only extra sbin/usr lines of the simulator', () => {
    assert.ok(differsOnlyInRootLayout('bin\ndev\nvar\n', 'bin\ndev\nsbin\nusr\nvar\n'));
    assert.ok(!differsOnlyInRootLayout('bin\ndev\n', 'bin\ndev\n'));
    assert.ok(!differsOnlyInRootLayout('bin\ndev\n', 'bin\nsbin\n'));
    assert.ok(!differsOnlyInRootLayout('bin\nusr\n', 'bin\nusr\nsbin\n'));
  });
});
