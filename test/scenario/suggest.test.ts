import assert from 'node:assert/strict';
import { closest, didYouMean, editDistance } from '../../src/scenario/suggest.js';

describe('suggestions', () => {
  it('measures edit distance with transpositions', () => {
    assert.equal(editDistance('docker', 'dokcer'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('volumesFrom', 'volumesfrom'), 1);
  });

  it('suggests only close candidates', () => {
    assert.equal(closest('volumesFrm', ['volumesFrom', 'volume']), 'volumesFrom');
    assert.equal(closest('contians', ['contains', 'notContains']), 'contains');
    assert.equal(closest('zzz', ['file', 'dir']), undefined);
    assert.equal(didYouMean('fiel', ['file', 'dir']), 'did you mean `file`?');
  });
});
