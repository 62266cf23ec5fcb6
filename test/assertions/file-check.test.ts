import assert from 'node:assert/strict';
import { fileAssertion, formatMode, parseMode } from '../../src/assertions/file-check.js';
import { prepared } from './helpers.js';

describe('file check', () => {
  const setup = () =>
    prepared(
      [
        'run -dit --name box ubuntu',
        ['exec', 'box', 'sh', '-c', 'mkdir -p /w && echo abc > /w/a.txt && ln -s /w/a.txt /w/link && chmod 600 /w/a.txt'],
        'volume create vol',
      ],
      { '/scenario/h.txt': 'host\n' },
    );

  it('parses and formats modes', () => {
    assert.equal(parseMode('0644'), 0o644);
    assert.equal(parseMode(755), 0o755);
    assert.equal(parseMode('rw-r--r--'), 0o644);
    assert.equal(parseMode('-rwsr-xr-x'), 0o4755);
    assert.equal(parseMode('rwxrwxrwt'), 0o1777);
    assert.equal(formatMode(0o600), '0600');
  });

  it('passes when every property holds', async () => {
    const ctx = await setup();
    const r = await fileAssertion.run({ container: 'box', path: '/w/a.txt', exists: true, type: 'file', mode: '0600', owner: 'root:root', size: 4, content: 'abc\n' }, ctx);
    assert.deepEqual(r, { status: 'passed', failures: [] });
    assert.equal((await fileAssertion.run({ container: 'box', path: '/w/link', type: 'symlink', target: '/w/a.txt' }, ctx)).status, 'passed');
    assert.equal((await fileAssertion.run({ container: 'box', path: '/w/nope', exists: false }, ctx)).status, 'passed');
    assert.equal((await fileAssertion.run({ host: true, path: 'h.txt', content: { contains: 'host' } }, ctx)).status, 'passed');
    assert.equal((await fileAssertion.run({ image: 'ubuntu', path: '/bin', type: 'dir' }, ctx)).status, 'passed');
  });

  it('fails with expected and actual for each property that does not hold', async () => {
    const ctx = await setup();
    const r = await fileAssertion.run({ container: 'box', path: '/w/a.txt', type: 'dir', mode: '0644', owner: '1000', size: { oneOf: [1] }, content: 'xyz\n' }, ctx);
    assert.equal(r.status, 'failed');
    assert.deepEqual(
      r.failures.map((f) => [f.expected, f.actual]),
      [
        ['dir', 'file'],
        ['0644', '0600'],
        ['1000', '0'],
        [[1], 4],
        ['xyz\n', 'abc\n'],
      ],
    );
  });

  it('reports absence and unexpected presence', async () => {
    const ctx = await setup();
    const missing = await fileAssertion.run({ container: 'box', path: '/w/none' }, ctx);
    assert.equal(missing.status, 'failed');
    assert.match(missing.failures[0]!.message, /\/w\/none in container box does not exist/);
    const present = await fileAssertion.run({ container: 'box', path: '/w/a.txt', exists: false }, ctx);
    assert.match(present.failures[0]!.message, /exists, and should not/);
    const notLink = await fileAssertion.run({ container: 'box', path: '/w/a.txt', target: '/x' }, ctx);
    assert.match(notLink.failures[0]!.message, /not a symlink/);
    const dirContent = await fileAssertion.run({ container: 'box', path: '/w', content: 'x' }, ctx);
    assert.match(dirContent.failures[0]!.message, /is a directory/);
  });

  it('is an error, not a failure, when the target does not exist', async () => {
    const ctx = await setup();
    const r = await fileAssertion.run({ container: 'ghost', path: '/x' }, ctx);
    assert.equal(r.status, 'error');
    assert.match(r.failures[0]!.message, /No such container: ghost/);
  });

  it('describes itself in one line', () => {
    assert.equal(fileAssertion.describe({ container: 'dc03', path: '/d/x' }), 'file container dc03:/d/x exists');
    assert.equal(fileAssertion.describe({ host: true, path: '/d/x', exists: false }), 'file host:/d/x (exists: false)');
  });
});
