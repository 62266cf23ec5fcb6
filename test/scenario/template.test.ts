import assert from 'node:assert/strict';
import { parseTemplate, renderDeep, renderTemplate, TemplateError, type TemplateContext } from '../../src/scenario/template.js';

const ctx: TemplateContext = {
  steps: new Map([['commit', { stdout: 'sha256:abc', stderr: '', exitCode: 0 }]]),
  vars: new Map([['img', 'ubuntu']]),
  env: new Map([['HOME', '/root']]),
};

describe('templates', () => {
  it('parses references with their offsets', () => {
    assert.deepEqual(parseTemplate('a ${{ steps.commit.stdout }} b'), ['a ', { ref: { scope: 'steps', name: 'commit', field: 'stdout' }, start: 2, end: 28 }, ' b']);
    assert.deepEqual(parseTemplate('${{vars.x}}'), [{ ref: { scope: 'vars', name: 'x' }, start: 0, end: 11 }]);
  });

  it('renders steps, vars and env, and leaves docker Go templates alone', () => {
    assert.equal(renderTemplate('run ${{ steps.commit.stdout }} {{.Id}} ${{ vars.img }} ${{ env.HOME }} ${{ steps.commit.exitCode }}', ctx), 'run sha256:abc {{.Id}} ubuntu /root 0');
    assert.deepEqual(renderDeep({ a: ['${{ vars.img }}', 1], b: { c: '${{ env.HOME }}' } }, ctx), { a: ['ubuntu', 1], b: { c: '/root' } });
  });

  it('throws TemplateError for bad expressions and missing values', () => {
    assert.throws(() => parseTemplate('x ${{ steps.a }}'), (e: unknown) => e instanceof TemplateError && e.offset === 2);
    assert.throws(() => parseTemplate('${{ vars.a'), TemplateError);
    assert.throws(() => renderTemplate('${{ steps.nope.stdout }}', ctx), /has not run/);
    assert.throws(() => renderTemplate('${{ vars.nope }}', ctx), /not set/);
  });
});
