import assert from 'node:assert/strict';
import fc from 'fast-check';
import { joinShellWords, splitShellWords } from '../../src/scenario/shell-words.js';

function words(line: string): string[] {
  const r = splitShellWords(line);
  if (!r.ok) assert.fail(r.message);
  return r.words.map((w) => w.text);
}

describe('splitShellWords', () => {
  it('splits on blanks and honours quotes and backslashes without expanding', () => {
    assert.deepEqual(words(`run  -e A="b c" 'd e' f\\ g "h\\"i" $HOME \\$x`), ['run', '-e', 'A=b c', 'd e', 'f g', 'h"i', '$HOME', '$x']);
    assert.deepEqual(words(`a "" ''`), ['a', '', '']);
    assert.deepEqual(words(`"a\\nb" 'a\\b'`), ['a\\nb', 'a\\b']);
    assert.deepEqual(words('--format "{{.Names}}"'), ['--format', '{{.Names}}']);
  });

  it('keeps ${{ }} templates whole, spaces included', () => {
    assert.deepEqual(words('rmi ${{ steps.c.stdout }} x'), ['rmi', '${{ steps.c.stdout }}', 'x']);
    assert.deepEqual(words('"a ${{ vars.v }} b"'), ['a ${{ vars.v }} b']);
  });

  it('gives word offsets into the line', () => {
    const r = splitShellWords(`run "a b" c`);
    assert.ok(r.ok);
    assert.deepEqual(
      r.words.map((w) => [w.start, w.end]),
      [
        [0, 3],
        [4, 9],
        [10, 11],
      ],
    );
  });

  it('reports unterminated quotes and templates with their offset', () => {
    assert.deepEqual(splitShellWords(`a "b`), { ok: false, message: 'unterminated double quote', offset: 2 });
    assert.deepEqual(splitShellWords(`a 'b`), { ok: false, message: 'unterminated single quote', offset: 2 });
    assert.equal((splitShellWords('a ${{ x') as { offset: number }).offset, 2);
    assert.equal(splitShellWords('a \\').ok, false);
  });

  it('flags the first unquoted shell operator', () => {
    const r = splitShellWords(`exec c sh -c "a > b" | tee`);
    assert.ok(r.ok && r.operator?.text === '|' && r.operator.offset === 21);
    const quoted = splitShellWords(`exec c sh -c "a > b; c"`);
    assert.ok(quoted.ok && quoted.operator === undefined);
  });

  it('joinShellWords quotes so that splitting gives the words back (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }).filter((s) => !s.includes('${{')), { maxLength: 6 }), (ws) => {
        assert.deepEqual(words(joinShellWords(ws)), ws);
      }),
    );
  });
});
