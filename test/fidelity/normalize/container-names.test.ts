import assert from 'node:assert/strict';
import { replaceGeneratedNames } from '../../../src/runner/normalize/container-names.js';
import { PlaceholderMap } from '../../../src/runner/normalize/placeholder-map.js';

describe('replaceGeneratedNames', () => {
  it('replaces moby namesgenerator names by first appearance', () => {
    const names = new PlaceholderMap('NAME');
    assert.equal(
      replaceGeneratedNames('ae3d973513ce jolly_cerf 6f66\n528f292bed92 romantic_wright 690c\nx jolly_cerf', names),
      'ae3d973513ce <NAME1> 6f66\n528f292bed92 <NAME2> 690c\nx <NAME1>',
    );
  });

  it('takes the digit docker appends on a clash', () => {
    assert.equal(replaceGeneratedNames('hungry_villani3', new PlaceholderMap('NAME')), '<NAME1>');
  });

  it('leaves user names and file names alone', () => {
    const text = 'cv-tomcat007 while_stopped.txt from_dc01.txt tomcat_02 in_layer.txt cv-xpu/tomcat_02';
    assert.equal(replaceGeneratedNames(text, new PlaceholderMap('NAME')), text);
  });
});
