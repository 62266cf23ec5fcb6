// .dockerignore as docker 20.10 applies it (dockerignore.ReadAll and fileutils.PatternMatcher), checked on the
// cases moby's own tests and the corpus rely on: comments only at the start of a line, cleaned patterns, a
// pattern naming a parent folder, `**`, escapes, exceptions and the "!" error.

import assert from 'node:assert/strict';
import { compilePatterns, matchesPatterns, readDockerignore } from '../../../../src/engine/sim/builder/dockerignore.js';

function matcher(text: string): (path: string) => boolean {
  const patterns = compilePatterns(readDockerignore(text));
  if ('error' in patterns) throw new Error(patterns.error);
  return (path) => matchesPatterns(patterns, path);
}

describe('.dockerignore patterns (fileutils 20.10)', () => {
  it('skips # lines only when # is the first character, and drops a BOM', () => {
    assert.deepEqual(readDockerignore('\ufeff./Dockerfile\n# c\n  #2\n'), ['Dockerfile', '#2']);
  });

  it('cleans patterns as filepath.Clean does', () => {
    assert.deepEqual(readDockerignore('./foo\ndir1//foo\n./dir1/../foo2\n/abs\n!./x'), ['foo', 'dir1/foo', 'foo2', 'abs', '!x']);
  });

  it('matches everything under a folder a pattern names', () => {
    const m = matcher('dir\n');
    assert.equal(m('dir/a/b'), true);
    assert.equal(m('dirt'), false);
  });

  it('lets ** cross folders and * stop at a slash', () => {
    const m = matcher('**/*.cc\ndir1/**/file4\n*.md\n');
    assert.equal(m('src/_vendor/v.cc'), true);
    assert.equal(m('v.cc'), true);
    assert.equal(m('dir1/dir2/file4'), true);
    assert.equal(m('a/README.md'), false);
    assert.equal(m('README.md'), true);
  });

  it('takes \\ as an escape and . as a literal', () => {
    const m = matcher('**/file\\?B\n**/dir5/file.\n');
    assert.equal(m('dir1/dir5/fileAB'), false);
    assert.equal(m('dir1/dir5/file?B'), true);
    assert.equal(m('dir1/dir5/fileB'), false);
  });

  it('lets the last matching pattern decide, with ! for exceptions', () => {
    const m = matcher('dir\n!dir/e*\n');
    assert.equal(m('dir/foo'), true);
    assert.equal(m('dir/e'), false);
    assert.equal(m('dir/e-dir/foo'), false);
  });

  it('refuses a lone !', () => {
    assert.deepEqual(compilePatterns(readDockerignore('!\n')), { error: 'illegal exclusion pattern: "!"' });
  });
});
