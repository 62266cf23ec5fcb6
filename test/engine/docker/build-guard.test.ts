import assert from 'node:assert/strict';
import { buildSource, requiredImages } from '../../../src/engine/docker/build-guard.js';
import { writeTar } from '../../../src/tar/tar.js';

describe('build guard: the images a build needs', () => {
  it('lists FROM images, leaving out stages and scratch', () => {
    const dockerfile = [
      '# comment',
      'FROM --platform=linux/amd64 drydock/busybox:1.35 AS base',
      'RUN echo hi',
      'FROM base',
      'FROM scratch',
      'COPY --from=base /a /a',
      'COPY --from=0 /b /b',
      'COPY --from=drydock/centos:latest /bin/bash /bash',
    ].join('\n');
    assert.deepEqual(requiredImages(dockerfile, {}), ['drydock/busybox:1.35', 'drydock/centos:latest']);
  });

  it('substitutes ARGs declared before FROM, with --build-arg winning', () => {
    const dockerfile = 'ARG CENTOS_IMAGE=centos:latest\nARG TAG\nFROM ${CENTOS_IMAGE}\nFROM x:${TAG:-1}\nFROM $CENTOS_IMAGE';
    assert.deepEqual(requiredImages(dockerfile, {}), ['centos:latest', 'x:1']);
    assert.deepEqual(requiredImages(dockerfile, { CENTOS_IMAGE: 'drydock/centos:latest', TAG: '2' }), ['drydock/centos:latest', 'x:2']);
  });

  it('joins continuation lines and honours the escape directive', () => {
    assert.deepEqual(requiredImages('FROM \\\n  a:1\nRUN x', {}), ['a:1']);
    assert.deepEqual(requiredImages('# escape=`\nFROM `\n b:2', {}), ['b:2']);
  });

  it('finds the Dockerfile on disk, from -f, from stdin, or inside a tar on stdin', () => {
    const files: Record<string, string> = { 'ctx/Dockerfile': 'FROM a', 'other/D2': 'FROM b' };
    const read = (path: string): string | null => files[path] ?? null;
    assert.deepEqual(buildSource(['build', '-t', 'x', 'ctx/'], undefined, read), { kind: 'dockerfile', text: 'FROM a', buildArgs: {} });
    assert.deepEqual(buildSource(['build', '-f', 'other/D2', '--build-arg', 'K=v', 'ctx'], undefined, read), {
      kind: 'dockerfile',
      text: 'FROM b',
      buildArgs: { K: 'v' },
    });
    assert.deepEqual(buildSource(['build', '-'], 'FROM c\n', read), { kind: 'dockerfile', text: 'FROM c\n', buildArgs: {} });
    const tar = writeTar([{ path: 'Dockerfile', type: 'file', data: new TextEncoder().encode('FROM d') }]);
    assert.deepEqual(buildSource(['build', '-'], tar, read), { kind: 'dockerfile', text: 'FROM d', buildArgs: {} });
    assert.deepEqual(buildSource(['build', 'missing'], undefined, read), { kind: 'unknown' });
    assert.deepEqual(buildSource(['build', 'https://github.com/x/y.git'], undefined, read), {
      kind: 'remote',
      context: 'https://github.com/x/y.git',
    });
  });
});
