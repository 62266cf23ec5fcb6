import assert from 'node:assert/strict';
import { deepEqual, normaliseMatcher, partialMatch, pickMatcher, projectOnto, runMatcher, toLines } from '../../src/assertions/matchers.js';

const ok = (spec: unknown, actual: unknown) => assert.deepEqual(runMatcher(spec, actual, 'x'), [], JSON.stringify({ spec, actual }));
const fails = (spec: unknown, actual: unknown, message?: RegExp) => {
  const f = runMatcher(spec, actual, 'x');
  assert.ok(f.length > 0, `expected a failure for ${JSON.stringify({ spec, actual })}`);
  if (message) assert.match(f[0]!.message, message);
  return f;
};

describe('matchers', () => {
  it('a plain value means equals', () => {
    assert.deepEqual(normaliseMatcher(3), { equals: 3 });
    assert.deepEqual(normaliseMatcher([1]), { equals: [1] });
    ok(0, 0);
    ok('hello\n', 'hello\n');
    fails(1, 0, /x is not equal/);
  });

  it('equals: deep, with numbers and booleans compared as text against text', () => {
    ok({ equals: { a: [1, { b: true }] } }, { a: [1, { b: true }] });
    fails({ equals: { a: 1 } }, { a: 1, b: 2 });
    ok({ equals: 5 }, '5');
    ok({ equals: true }, 'true');
    ok({ equals: null }, undefined);
    assert.equal(deepEqual([1, 2], [2, 1]), false);
  });

  it('equals: points out a difference in the final newline and gives a diff for multi-line text', () => {
    fails({ equals: 'hello' }, 'hello\n', /differ only in a final newline/);
    const [f] = fails({ equals: 'a\nb\nc\n' }, 'a\nB\nc\n');
    assert.match(f!.diff ?? '', /^- expected\n\+ actual\n\n@@ -1,3 \+1,3 @@\n a\n-b\n\+B\n c$/);
  });

  it('equals: a JSON diff for objects', () => {
    const [f] = fails({ equals: { a: 1, b: 2 } }, { a: 1, b: 3 });
    assert.match(f!.diff ?? '', /- {2}"b": 2\n\+ {2}"b": 3/);
  });

  it('contains: substring, each of a list, list element, partial object', () => {
    ok({ contains: 'ell' }, 'hello');
    ok({ contains: ['he', 'lo'] }, 'hello');
    fails({ contains: ['he', 'xx'] }, 'hello', /does not contain/);
    ok({ contains: 'b' }, ['a', 'b']);
    ok({ contains: { Name: 'v' } }, [{ Name: 'v', Driver: 'local' }]);
    ok({ contains: { Config: { Tty: true } } }, { Config: { Tty: true, Env: [] }, Id: 'x' });
    const [f] = fails({ contains: { Config: { Tty: true } } }, { Config: { Tty: false, Env: [] }, Id: 'x' });
    assert.match(f!.diff ?? '', /-\s+"Tty": true\n\+\s+"Tty": false/);
    fails({ contains: 'x' }, 42, /cannot look inside/);
  });

  it('notContains', () => {
    ok({ notContains: 'zz' }, 'hello');
    fails({ notContains: 'ell' }, 'hello', /contains "ell", which it must not/);
    ok({ notContains: ['a', 'b'] }, 'xyz');
    fails({ notContains: ['a', 'y'] }, 'xyz', /contains "y"/);
    fails({ notContains: 'a' }, ['a']);
  });

  it('matches: multiline bare patterns, /re/flags literals, lists; numbers as text', () => {
    ok({ matches: '^port=\\d+$' }, 'port=8080\n');
    ok({ matches: '/HELLO/i' }, 'hello');
    fails({ matches: '/^b$/' }, 'a\nb\n');
    ok({ matches: ['^a', 'b$'] }, 'a\nb');
    ok({ matches: '^\\d+$' }, 42);
    fails({ matches: 'x' }, { a: 1 }, /not text/);
  });

  it('oneOf, exists', () => {
    ok({ oneOf: [0, 1] }, 1);
    fails({ oneOf: [0, 1] }, 2, /none of \[0,1\]/);
    ok({ exists: true }, false);
    fails({ exists: true }, null, /does not exist/);
    ok({ exists: false }, null);
    fails({ exists: false }, 'x', /exists, and should not/);
  });

  it('length of text, lists and mappings, with a nested matcher', () => {
    ok({ length: 3 }, 'abc');
    ok({ length: { oneOf: [1, 2] } }, [1, 2]);
    ok({ length: 2 }, { a: 1, b: 2 });
    fails({ length: 1 }, [], /length of x/);
    fails({ length: 1 }, 5, /has no length/);
  });

  it('lines: the text as a list of lines', () => {
    assert.deepEqual(toLines('a\nb\n'), ['a', 'b']);
    assert.deepEqual(toLines(''), []);
    assert.deepEqual(toLines('a\r\nb'), ['a', 'b']);
    ok({ lines: { length: 2 } }, 'a\nb\n');
    ok({ lines: { contains: 'b' } }, 'a\nb\n');
    ok({ lines: ['a', 'b'] }, 'a\nb\n');
    fails({ lines: { contains: 'c' } }, 'a\nb\n', /lines of x/);
  });

  it('all keys of a matcher must hold, and every failure is reported', () => {
    assert.equal(runMatcher({ contains: 'a', length: 9, matches: '^z' }, 'abc', 'x').length, 2);
  });

  it('pickMatcher, partialMatch and projectOnto', () => {
    assert.deepEqual(pickMatcher({ path: 'a', equals: 1 }), { equals: 1 });
    assert.equal(pickMatcher({ path: 'a' }), undefined);
    assert.ok(partialMatch({ a: [{ b: 1, c: 2 }] }, { a: [{ b: 1 }] }));
    assert.deepEqual(projectOnto({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 0 } }), { b: { c: 2 } });
  });
});
