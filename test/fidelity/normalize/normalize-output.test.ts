import assert from 'node:assert/strict';
import { commandPath, OutputNormalizer, PairedNormalizer } from '../../../src/runner/normalize/normalize-output.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);
const D = 'd'.repeat(64);

describe('commandPath', () => {
  it('names the docker subcommand', () => {
    assert.equal(commandPath(['volume', 'ls', '-q']), 'volume ls');
    assert.equal(commandPath(['image', 'inspect', '-f', 'x', 'y']), 'image inspect');
    assert.equal(commandPath(['run', '--rm', 'x']), 'run');
  });
});

describe('OutputNormalizer', () => {
  it('applies every rule to one stream', () => {
    const n = new OutputNormalizer({ hostRoots: ['/scratch'] });
    const ps = 'CONTAINER ID   IMAGE     STATUS\r\naaaaaaaaaaaa   x         Up 9 seconds\n';
    assert.equal(n.normalize(ps, { argv: ['ps'] }), 'CONTAINER ID | IMAGE | STATUS\n<ID1> | x | Up <DURATION>\n');
    assert.equal(n.normalize(`${A} /scratch/x\n`), '<ID1> <HOSTDIR>/x\n');
  });
});

describe('PairedNormalizer', () => {
  it('gives IDs at the same place the same placeholder', () => {
    const n = new PairedNormalizer();
    const r = n.normalizePair(`${A}\n`, `${C}\n`);
    assert.deepEqual(r, { expected: '<ID1>\n', actual: '<ID1>\n' });
    assert.equal(n.counterpart(A.slice(0, 12)).value, C);
  });

  it('does not let one divergent output shift later placeholders', () => {
    const n = new PairedNormalizer();
    const first = n.normalizePair(`LowerDir=${A}:${B}\n`, `LowerDir=${C}\n`);
    assert.notEqual(first.expected, first.actual);
    const later = n.normalizePair(`${D}\n`, `${'e'.repeat(64)}\n`);
    assert.equal(later.expected, later.actual);
  });

  it('shows a wrong reference as different placeholders', () => {
    const n = new PairedNormalizer();
    n.normalizePair(`${A} ${B}\n`, `${C} ${D}\n`);
    const r = n.normalizePair(`container ${A}\n`, `container ${D}\n`);
    assert.notEqual(r.expected, r.actual);
  });

  it('pairs IDs on lines that differ only in a size', () => {
    const n = new PairedNormalizer();
    const r = n.normalizePair(`aaaaaaaaaaaa | 1.98MB\n`, `cccccccccccc | 1.99MB\n`);
    assert.deepEqual(r, { expected: '<ID1> | 1.98MB\n', actual: '<ID1> | 1.99MB\n' });
  });

  it('maps the simulator host root to <HOSTDIR> on its side only', () => {
    const n = new PairedNormalizer({ actual: { hostRoots: ['/scratch'] } });
    const r = n.normalizePair('lstat <HOSTDIR>/berr/x\n', 'lstat /scratch/berr/x\n');
    assert.equal(r.expected, r.actual);
  });
});

describe('normalisation of whole listings', () => {
  it('sorts image rows of one ID and volume rows after realigning the table', () => {
    const n = new OutputNormalizer();
    const images = [
      'REPOSITORY   TAG       IMAGE ID       CREATED                  SIZE',
      'cv-rmi       latest    61b980b8845e   Less than a second ago   1.99MB',
      'cv-ns/rmi    v2        61b980b8845e   Less than a second ago   1.99MB',
      '',
    ].join('\n');
    assert.equal(n.normalize(images, { argv: ['images'] }), 'REPOSITORY | TAG | IMAGE ID | CREATED | SIZE\ncv-ns/rmi | v2 | <ID1> | <AGO> | 1.99MB\ncv-rmi | latest | <ID1> | <AGO> | 1.99MB\n');
    const volumes = 'DRIVER    VOLUME NAME\nlocal     zz\nlocal     aa\n';
    assert.equal(n.normalize(volumes, { argv: ['volume', 'ls'] }), 'DRIVER | VOLUME NAME\nlocal | aa\nlocal | zz\n');
  });
});
