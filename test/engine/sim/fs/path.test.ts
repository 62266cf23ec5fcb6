import assert from 'node:assert/strict';
import { ancestors, basename, dirname, resolvePath } from '../../../../src/engine/sim/fs/path.js';

describe('container paths', () => {
  it('resolves relative paths, dots and duplicate slashes against the working directory', () => {
    assert.equal(resolvePath('/usr/local', '../bin//x/./y'), '/usr/bin/x/y');
    assert.equal(resolvePath('/', '../../..'), '/');
    assert.equal(resolvePath('/a', '/b/'), '/b');
  });
  it('splits names and lists ancestors outermost first', () => {
    assert.equal(dirname('/a/b'), '/a');
    assert.equal(dirname('/a'), '/');
    assert.equal(basename('/a/b'), 'b');
    assert.deepEqual(ancestors('/a/b/c'), ['/a', '/a/b']);
    assert.deepEqual(ancestors('/a'), []);
  });
});
