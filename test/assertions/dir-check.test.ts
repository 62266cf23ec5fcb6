import assert from 'node:assert/strict';
import { dirAssertion } from '../../src/assertions/dir-check.js';
import { prepared } from './helpers.js';

describe('dir check', () => {
  const setup = () => prepared(['run -dit --name box ubuntu', ['exec', 'box', 'sh', '-c', 'mkdir -p /w && touch /w/a.txt /w/b.log /w/.hidden']]);

  it('include, exclude (names or globs), equals in any order, count', async () => {
    const ctx = await setup();
    const r = await dirAssertion.run({ container: 'box', path: '/w', include: ['a.txt', '*.log', '.hid*'], exclude: ['*.tmp'], equals: ['b.log', 'a.txt', '.hidden'], count: 3 }, ctx);
    assert.deepEqual(r, { status: 'passed', failures: [] });
  });

  it('fails for each rule broken, with a diff for equals', async () => {
    const ctx = await setup();
    const r = await dirAssertion.run({ container: 'box', path: '/w', include: ['c.txt'], exclude: ['*.log'], equals: ['a.txt'], count: 1 }, ctx);
    assert.equal(r.status, 'failed');
    assert.equal(r.failures.length, 4);
    assert.match(r.failures[0]!.message, /has no entry c\.txt/);
    assert.match(r.failures[1]!.message, /has b\.log, which it must not/);
    assert.match(r.failures[2]!.diff ?? '', /\+b\.log/);
  });

  it('fails for a missing path or a file', async () => {
    const ctx = await setup();
    assert.match((await dirAssertion.run({ container: 'box', path: '/nope' }, ctx)).failures[0]!.message, /does not exist/);
    assert.match((await dirAssertion.run({ container: 'box', path: '/w/a.txt' }, ctx)).failures[0]!.message, /not a directory/);
  });
});
