import assert from 'node:assert/strict';
import { PairedPlaceholders, PlaceholderMap } from '../../../src/runner/normalize/placeholder-map.js';

const FULL = '1a7a0d57b9f1f3036764b6e4fe1d18de1c8fa9b42680c85a9261575909c4c843';

describe('PlaceholderMap', () => {
  it('numbers values by first appearance and keeps them', () => {
    const m = new PlaceholderMap('ID', 12);
    assert.equal(m.placeholderFor('aaaaaaaaaaaa'), '<ID1>');
    assert.equal(m.placeholderFor('bbbbbbbbbbbb'), '<ID2>');
    assert.equal(m.placeholderFor('aaaaaaaaaaaa'), '<ID1>');
  });

  it('matches a short or shortened form with its full form, both ways', () => {
    const m = new PlaceholderMap('ID', 12);
    assert.equal(m.placeholderFor('1a7a0d57b9f1'), '<ID1>');
    assert.equal(m.placeholderFor(FULL), '<ID1>');
    assert.equal(m.valueOf('<ID1>'), FULL);
    assert.equal(m.lookup('1a7a0d57b9f1f303'), '<ID1>');
  });

  it('does not prefix-match below the minimum length or without prefix matching', () => {
    const m = new PlaceholderMap('NAME');
    m.placeholderFor('jolly_cerf');
    assert.equal(m.lookup('jolly_cer'), undefined);
  });
});

describe('PairedPlaceholders', () => {
  it('gives both sides one number for values seen at the same place', () => {
    const p = new PairedPlaceholders('ID', 12);
    assert.deepEqual(p.pair('aaaaaaaaaaaa', 'cccccccccccc'), ['<ID1>', '<ID1>']);
    assert.deepEqual(p.pair('aaaaaaaaaaaa', 'cccccccccccc'), ['<ID1>', '<ID1>']);
  });

  it('keeps a one-sided value apart, then pairs it when both sides show it at one place', () => {
    const p = new PairedPlaceholders('ID', 12);
    assert.equal(p.left.placeholderFor('aaaaaaaaaaaa'), '<ID1>');
    assert.equal(p.right.placeholderFor('dddddddddddd'), '<ID2>');
    assert.deepEqual(p.pair('aaaaaaaaaaaa', 'cccccccccccc'), ['<ID1>', '<ID1>']);
    assert.equal(p.right.valueOf('<ID1>'), 'cccccccccccc');
  });

  it('does not pair a value with one already paired elsewhere', () => {
    const p = new PairedPlaceholders('ID', 12);
    p.pair('aaaaaaaaaaaa', 'cccccccccccc');
    assert.deepEqual(p.pair('aaaaaaaaaaaa', 'eeeeeeeeeeee'), ['<ID1>', '<ID2>']);
  });
});
