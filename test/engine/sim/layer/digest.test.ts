import assert from 'node:assert/strict';
import { sha256 } from '@noble/hashes/sha2.js';
import { sha256Hex, sha256Stream } from '../../../../src/engine/sim/layer/digest.js';

describe('sha256 for content IDs', () => {
  it('gives the standard digest, natively or not, for strings, bytes and streams', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const bytes = new TextEncoder().encode('drydock 数据卷');
    const expected = Buffer.from(sha256(bytes)).toString('hex');
    assert.equal(sha256Hex(bytes), expected);
    assert.equal(sha256Hex('drydock 数据卷'), expected);
    const s = sha256Stream();
    s.update('drydock ');
    s.update(new TextEncoder().encode('数据卷'));
    assert.equal(s.hex(), expected);
  });
});
