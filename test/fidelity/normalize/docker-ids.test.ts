import assert from 'node:assert/strict';
import { replaceIds } from '../../../src/runner/normalize/docker-ids.js';
import { PlaceholderMap } from '../../../src/runner/normalize/placeholder-map.js';

const ID = 'e30e2548f741404157c6e93ba7c920bab502235bf4020d906ed3d694b8f200ad';

describe('replaceIds', () => {
  it('maps 64-hex, 12-hex and shortened forms of one ID to one placeholder', () => {
    const ids = new PlaceholderMap('ID', 12);
    assert.equal(replaceIds(`${ID}\n`, ids), '<ID1>\n');
    assert.equal(replaceIds('e30e2548f741   cv-tomcat', ids), '<ID1>   cv-tomcat');
    assert.equal(replaceIds('"Name":"e30e2548f741…"', ids), '"Name":"<ID1>"');
  });

  it('keeps the sha256: prefix and path context', () => {
    const ids = new PlaceholderMap('ID', 12);
    assert.equal(replaceIds(`sha256:${ID} /var/lib/docker/overlay2/${ID}-init/diff`, ids), 'sha256:<ID1> /var/lib/docker/overlay2/<ID1>-init/diff');
  });

  it('takes IDs cut short by cut -c and file hashes shortened by history', () => {
    const ids = new PlaceholderMap('ID', 12);
    assert.equal(replaceIds('COPY file:07e1d4126f4dccbe…', ids), 'COPY file:<ID1>');
    assert.equal(replaceIds('COPY file:07e1d4126f4dccbefcaf505516ba605bdfe50c0b4b55f92ee1a3', ids), 'COPY file:<ID1>');
  });

  it('leaves numbers, words and short hex alone', () => {
    const ids = new PlaceholderMap('ID', 12);
    const text = 'Size 1985525 4294967295 12345678901234 deadbeef cv-xpu/tomcat_02 dc01_add.txt';
    assert.equal(replaceIds(text, ids), text);
  });
});
