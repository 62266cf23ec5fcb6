import assert from 'node:assert/strict';
import { parseShard, selectScenarios } from '../../src/runner/select.js';
import { scenario } from './helpers.js';

describe('selectScenarios', () => {
  const make = (name: string, extra = '') => scenario(`name: ${name}\n${extra}steps:\n  - docker: ps\n`, `${name}.yaml`);
  const all = [make('alpha', 'tags: [vol]\n'), make('beta', 'tags: [net, vol]\n'), make('gamma'), make('delta', 'tags: [slow]\n')];
  const names = (list: { name: string }[]) => list.map((s) => s.name);

  it('grep on name or file, tags (any of them)', () => {
    assert.deepEqual(names(selectScenarios(all, { grep: /^(alpha|gamma)$/ })), ['alpha', 'gamma']);
    assert.deepEqual(names(selectScenarios(all, { grep: /delta\.yaml/ })), ['delta']);
    assert.deepEqual(names(selectScenarios(all, { tags: ['vol'] })), ['alpha', 'beta']);
    assert.deepEqual(names(selectScenarios(all, { tags: ['net', 'slow'] })), ['beta', 'delta']);
  });

  it('only focuses the run', () => {
    const focused = [...all, make('epsilon', 'only: true\n')];
    assert.deepEqual(names(selectScenarios(focused, {})), ['epsilon']);
  });

  it('shards are contiguous, cover everything once, and can be empty', () => {
    const parts = [1, 2, 3].map((i) => names(selectScenarios(all, { shard: { index: i, total: 3 } })));
    assert.deepEqual(parts, [['alpha'], ['beta'], ['gamma', 'delta']]);
    assert.deepEqual(names(selectScenarios(all.slice(0, 1), { shard: { index: 1, total: 2 } })), []);
  });

  it('parses i/n', () => {
    assert.deepEqual(parseShard('2/3'), { index: 2, total: 3 });
    assert.equal(parseShard('0/3'), undefined);
    assert.equal(parseShard('4/3'), undefined);
    assert.equal(parseShard('x'), undefined);
  });
});
