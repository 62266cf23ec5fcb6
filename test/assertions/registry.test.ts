import assert from 'node:assert/strict';
import { AssertionRegistry, builtinAssertions } from '../../src/assertions/registry.js';
import { compileSchema } from '../../src/scenario/schema-file.js';
import { MATCHER_DEFS } from '../../src/assertions/matchers.js';
import { unifiedDiff, valueDiff } from '../../src/assertions/text-diff.js';

describe('assertion registry', () => {
  it('registers the built-in kinds once each', () => {
    assert.deepEqual(
      builtinAssertions()
        .all()
        .map((a) => a.name),
      ['file', 'dir', 'inspect', 'images', 'containers', 'volumes', 'diff'],
    );
    const r = new AssertionRegistry();
    const a = builtinAssertions().get('file')!;
    r.register(a);
    assert.throws(() => r.register(a), /registered twice/);
  });

  it('every fragment compiles as JSON Schema 2020-12 with the matcher definitions', () => {
    for (const a of builtinAssertions().all()) {
      compileSchema({ $defs: MATCHER_DEFS, ...a.schema });
    }
  });
});

describe('text diffs', () => {
  it('unified diff with a legend, empty when equal', () => {
    assert.equal(unifiedDiff('a', 'a'), '');
    assert.equal(unifiedDiff('a\nb\n', 'a\nc\n'), '- expected\n+ actual\n\n@@ -1,2 +1,2 @@\n a\n-b\n+c');
  });

  it('shows a newline-only difference', () => {
    assert.match(unifiedDiff('a', 'a\n'), /-"a"\n\+"a\\n"/);
  });

  it('no diff for short one-line values', () => {
    assert.equal(valueDiff('a', 'b'), '');
    assert.equal(valueDiff(1, 2), '');
    assert.notEqual(valueDiff({ a: 1 }, { a: 2 }), '');
  });
});
