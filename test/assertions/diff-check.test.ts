import assert from 'node:assert/strict';
import { diffAssertion } from '../../src/assertions/diff-check.js';
import { prepared } from './helpers.js';

describe('diff check', () => {
  const setup = () => prepared(['run -dit --name box ubuntu', ['exec', 'box', 'sh', '-c', 'echo hi > /tmp/x && echo more >> /etc/passwd']]);

  it('added, changed, unchanged and exact', async () => {
    const ctx = await setup();
    assert.deepEqual(await diffAssertion.run({ container: 'box', added: ['/tmp/x'], changed: ['/etc/passwd'], unchanged: ['/usr/**'] }, ctx), { status: 'passed', failures: [] });
    assert.equal((await diffAssertion.run({ container: 'box', added: ['/tmp/*'], changed: ['/etc', '/etc/passwd', '/tmp'], exact: true }, ctx)).status, 'passed');
  });

  it('fails for a wrong kind, an unexpected change and extra changes', async () => {
    const ctx = await setup();
    const r = await diffAssertion.run({ container: 'box', changed: ['/tmp/x'], deleted: ['/etc/passwd'], unchanged: ['/tmp'], exact: true }, ctx);
    assert.equal(r.status, 'failed');
    assert.match(r.failures[0]!.message, /\/tmp\/x is not changed \(C\) in box: A \/tmp\/x/);
    assert.match(r.failures[1]!.message, /\/etc\/passwd is not deleted \(D\)/);
    assert.match(r.failures[2]!.message, /\/tmp changed in box/);
    assert.match(r.failures[3]!.message, /shows more than the listed changes/);
  });

  it('is an error for a missing container', async () => {
    const ctx = await setup();
    assert.equal((await diffAssertion.run({ container: 'ghost', added: ['/x'] }, ctx)).status, 'error');
  });
});
