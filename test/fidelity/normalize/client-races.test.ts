import assert from 'node:assert/strict';
import { dropClientRaces } from '../../../src/runner/normalize/client-races.js';

describe('normalise: the 20.10 client\'s racy log line', () => {
  it('drops "error waiting for container: context canceled" and nothing else', () => {
    const err = 'docker: Error response from daemon: boom.\ntime="2026-11-22T21:31:27Z" level=error msg="error waiting for container: context canceled"\n';
    assert.equal(dropClientRaces(err), 'docker: Error response from daemon: boom.\n');
    const other = 'time="2026-11-22T21:31:27Z" level=error msg="something else"\n';
    assert.equal(dropClientRaces(other), other);
  });
});
