import assert from 'node:assert/strict';
import { alignLines } from '../../../src/runner/normalize/line-alignment.js';
import { maskTokens, renderTokens, runTokens } from '../../../src/runner/normalize/run-tokens.js';

describe('alignLines', () => {
  it('pairs equal lines around an extra line', () => {
    assert.deepEqual(alignLines(['a', 'b', 'c'], ['a', 'x', 'b', 'c']), [
      [0, 0],
      [null, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('reports lines that differ as one-sided', () => {
    assert.deepEqual(alignLines(['a'], ['b']), [
      [0, null],
      [null, 0],
    ]);
  });
});

describe('runTokens', () => {
  it('finds IDs and generated names in order and masks them (and sizes) for alignment', () => {
    const line = '081f13cb35db | hungry_villani | 1.99MB';
    const tokens = runTokens(line);
    assert.deepEqual(tokens.map((t) => [t.kind, t.value]), [
      ['id', '081f13cb35db'],
      ['name', 'hungry_villani'],
    ]);
    assert.equal(maskTokens(line, tokens), '\u0001 | \u0002 | \u0003');
    assert.equal(renderTokens(line, tokens, ['<ID1>', '<NAME1>']), '<ID1> | <NAME1> | 1.99MB');
  });
});
