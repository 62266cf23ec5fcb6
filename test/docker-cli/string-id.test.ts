import assert from 'node:assert/strict';
import { truncateId } from '../../src/docker-cli/string-id.js';

describe('truncateId (moby stringid.TruncateID)', () => {
  it('drops the algorithm and keeps 12 characters', () => {
    assert.equal(truncateId('sha256:1a2b3c4d5e6f7a8b9c0d'), '1a2b3c4d5e6f');
    assert.equal(truncateId('1a2b3c4d5e6f7a8b9c0d'), '1a2b3c4d5e6f');
    assert.equal(truncateId('abc'), 'abc');
  });
});
