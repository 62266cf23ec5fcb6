import assert from 'node:assert/strict';
import { parseRunArgs } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { findScenarioFiles } from '../../src/cli/find-files.js';
import { writeFolder } from './helpers.js';

describe('drydock run options', () => {
  it('defaults', () => {
    const a = parseRunArgs([]);
    assert.deepEqual(a.paths, ['scenarios']);
    assert.deepEqual(a.reporters, ['spec']);
    assert.equal(a.out, 'reports');
    assert.equal(a.engine, 'sim');
    assert.ok(a.jobs >= 1);
    assert.equal(a.bail, false);
  });

  it('lists may be repeated or comma-separated', () => {
    const a = parseRunArgs(['x', '-t', 'a,b', '--tag', 'c', '-r', 'spec,json', '--reporter', 'junit', '-j', '3', '--shard', '1/2', '--bail', '-g', 'vol']);
    assert.deepEqual([a.paths, a.tags, a.reporters, a.jobs, a.shard, a.bail, a.grep], [['x'], ['a', 'b', 'c'], ['spec', 'json', 'junit'], 3, '1/2', true, 'vol']);
  });

  it('usage errors, each naming `run`', () => {
    for (const argv of [['--nope'], ['--jobs', 'x'], ['--jobs']]) {
      assert.throws(() => parseRunArgs(argv), (e) => e instanceof UsageError && e.command === 'run', argv.join(' '));
    }
  });

  it('-h and --help ask for the usage, with the defaults otherwise', () => {
    for (const argv of [['-h'], ['--help'], ['x', '--jobs', '--help']]) {
      const a = parseRunArgs(argv);
      assert.deepEqual([a.help, a.paths, a.reporters], [true, ['scenarios'], ['spec']], argv.join(' '));
    }
    assert.equal(parseRunArgs([]).help, false);
  });
});

describe('findScenarioFiles', () => {
  it('files, folders (recursively, .yaml and .yml, no dot folders), globs; sorted, without duplicates', () => {
    const dir = writeFolder({ 'a/one.yaml': '', 'a/two.yml': '', 'a/skip.txt': '', 'a/.hidden/x.yaml': '', 'a/deep/three.yaml': '', 'b/four.yaml': '' });
    const found = findScenarioFiles(['a', 'a/one.yaml', 'b/*.yaml', 'missing', 'b/*.none'], dir);
    assert.deepEqual(
      found.files.map((f) => f.display),
      ['a/deep/three.yaml', 'a/one.yaml', 'a/two.yml', 'b/four.yaml'],
    );
    assert.deepEqual(found.missing, ['missing', 'b/*.none']);
  });
});
