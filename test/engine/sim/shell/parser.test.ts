import assert from 'node:assert/strict';
import type { Command, Word } from '../../../../src/engine/sim/shell/sh/ast.js';
import { ShellSyntaxError } from '../../../../src/engine/sim/shell/sh/syntax-error.js';
import { Parser } from '../../../../src/engine/sim/shell/sh/parser.js';
import { run } from './helpers.js';

function parseAll(src: string): Command[] {
  const p = new Parser(src, 0);
  const out: Command[] = [];
  for (let c = p.parseNext(); c; c = p.parseNext()) out.push(c);
  return out;
}

function syntaxError(src: string): string {
  try {
    parseAll(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e.detail;
    throw e;
  }
  return 'no error';
}

function text(word: Word): string {
  return word.parts.map((p) => (p.t === 'lit' ? p.v : `<${p.t}>`)).join('');
}

describe('shell parser', () => {
  it('returns one command per top-level line', () => {
    const cmds = parseAll('echo a; echo b\necho c\n\n');
    assert.equal(cmds.length, 2);
    assert.equal(cmds[0]?.t, 'list');
    assert.equal(cmds[1]?.t, 'simple');
  });

  it('splits words, keeps quoting per part and recognises assignments', () => {
    const [cmd] = parseAll(`A=1 B="x y" echo 'a b' "c$d" e\\ f`);
    assert.ok(cmd?.t === 'simple');
    assert.deepEqual(cmd.assigns.map((a) => a.name), ['A', 'B']);
    assert.deepEqual(cmd.words.map(text), ['echo', 'a b', 'c<param>', 'e f']);
    const quoted = cmd.words[1]?.parts[0];
    assert.ok(quoted?.t === 'lit' && quoted.q);
  });

  it('parses redirections with descriptors, here-documents and &>', () => {
    const [cmd] = parseAll('cat <in >out 2>&1 3>>log &>all <<EOF\nbody $x\nEOF\n');
    assert.ok(cmd?.t === 'simple');
    assert.deepEqual(cmd.redirs.map((r) => `${r.fd}${r.op}`), ['0<', '1>', '2>&', '3>>', '1&>', '0<<']);
    const doc = cmd.redirs[5]?.heredoc;
    assert.equal(doc?.quoted, false);
    assert.deepEqual(doc?.body.parts.map((p) => p.t), ['lit', 'param', 'lit']);
  });

  it('parses compound commands, functions and pipelines', () => {
    const [c] = parseAll('f() { if a; then b | c; elif d; then :; else e; fi; }');
    assert.ok(c?.t === 'func' && c.name === 'f');
    const [loop] = parseAll('for i in 1 2; do while x; do break; done; done');
    assert.ok(loop?.t === 'for' && loop.items?.length === 2);
    const [cs] = parseAll('case $x in a|b) echo;; (c) ;; esac');
    assert.ok(cs?.t === 'case' && cs.arms.length === 2 && cs.arms[1]?.body === null);
    const [neg] = parseAll('! a | b');
    assert.ok(neg?.t === 'pipeline' && neg.bang && neg.cmds.length === 2);
  });

  it('parses nested command substitutions, backquotes and arithmetic', () => {
    const [cmd] = parseAll('echo $(echo $(echo x) ")") `echo \\`y\\`` $((1 + $(echo 2)))');
    assert.ok(cmd?.t === 'simple');
    assert.deepEqual(cmd.words.slice(1).map((w) => w.parts[0]?.t), ['cmd', 'cmd', 'arith']);
  });

  it('reports ash syntax errors', () => {
    assert.equal(syntaxError('if true; then'), 'unexpected end of file (expecting "fi")');
    assert.equal(syntaxError('fi'), 'unexpected "fi"');
    assert.equal(syntaxError('echo a; ;'), 'unexpected ";"');
    assert.equal(syntaxError('for x in a b; echo'), 'unexpected word (expecting "do")');
    assert.equal(syntaxError('( )'), 'unexpected ")"');
    assert.equal(syntaxError('echo "abc'), 'unterminated quoted string');
    assert.equal(syntaxError('echo ${x'), "missing '}'");
    assert.equal(syntaxError('echo ${1x}'), 'bad substitution');
    assert.equal(syntaxError('echo `x'), 'EOF in backquote substitution');
    assert.equal(syntaxError('for 1 in a; do :; done'), 'bad for loop variable');
    assert.equal(syntaxError('echo >'), 'unexpected end of file');
    assert.equal(syntaxError('echo > ;'), 'unexpected ";"');
  });

  it('runs the lines before a syntax error, then exits 2 with the line number when the script is named', () => {
    const r = run('echo a\nif true; then\necho b\nfi fi\necho c');
    assert.equal(r.stdout, 'a\n');
    assert.equal(r.stderr, 'sh: syntax error: unexpected "fi"\n');
    assert.equal(r.status, 2);
    const named = run('echo 1\necho "2', { env: {} });
    assert.equal(named.stderr, 'sh: syntax error: unterminated quoted string\n');
  });
});
