import assert from 'node:assert/strict';
import { isEmulatedFilter, runFilter } from './pipeline-filters.js';

describe('pipeline filters', () => {
  it('emulates head -N, wc -l and cut -cA-B (bytes)', () => {
    assert.deepEqual(runFilter(['head', '-2'], 'a\nb\nc\n'), { stdout: 'a\nb\n', exitCode: 0 });
    assert.deepEqual(runFilter(['wc', '-l'], 'a\nb\n'), { stdout: '2\n', exitCode: 0 });
    assert.deepEqual(runFilter(['cut', '-c1-3'], 'abcdef\nxy\n'), { stdout: 'abc\nxy\n', exitCode: 0 });
  });

  it('emulates grep, grep -c and -e with grep exit codes', () => {
    assert.deepEqual(runFilter(['grep', '-c', '-e', 'aa', '-e', 'bb'], 'aa1\nbb2\ncc\n'), { stdout: '2\n', exitCode: 0 });
    assert.deepEqual(runFilter(['grep', '-c', 'zz'], 'aa\n'), { stdout: '0\n', exitCode: 1 });
    assert.deepEqual(runFilter(['grep', 'b'], 'a\nb\n'), { stdout: 'b\n', exitCode: 1 - 1 });
    assert.deepEqual(runFilter(['grep', '-e', 'x'], ''), { stdout: '', exitCode: 1 });
  });

  it('refuses what it does not emulate', () => {
    assert.ok(!isEmulatedFilter(['grep', '-o', 'x']));
    assert.ok(!isEmulatedFilter(['sort']));
    assert.ok(!isEmulatedFilter(['grep', 'a.*b']));
  });
});
