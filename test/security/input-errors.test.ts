// Inputs that gave "drydock: internal error" (or a crash) get Docker's own answer, or a positioned problem.
// The expected texts are the real engine's (docker 20.10), seen on the reference daemon.
import { callAtDepth } from '../../src/engine/sim/cli/format/template-exec.js';
import assert from 'node:assert/strict';
import { goPathMatch } from '../../src/go/path-match.js';
import { loadScenario } from '../../src/scenario/load.js';
import { internalErrorText } from '../../src/cli/exit-code.js';
import { EXIT } from '../../src/cli/io.js';
import { Sandbox } from '../fidelity/sandbox.js';

describe('input that used to end in an internal error', function () {
  this.timeout(60_000);

  it('create -v // makes an anonymous volume at / (docker creates it; only runc refuses to start it)', () => {
    const box = new Sandbox();
    const r = box.docker(['create', '--name', 'c1', '-v', '//', 'centos', 'true']);
    assert.equal(r.exitCode, 0, r.stderr);
    const mounts = box.docker(['inspect', 'c1', '--format', '{{range .Mounts}}{{.Type}} {{.Destination}}{{end}}']);
    assert.equal(mounts.stdout, 'volume /\n');
  });

  it('a volume name past 255 characters fails as mkdir does: file name too long', () => {
    const box = new Sandbox();
    const name = 'a'.repeat(300);
    const root = `/var/lib/docker/volumes/${name}`;
    const expected = `Error response from daemon: create ${name}: error while creating volume root path '${root}': mkdir ${root}: file name too long\n`;
    assert.deepEqual(box.docker(['volume', 'create', name]), { exitCode: 1, stdout: '', stderr: expected });
    const run = box.docker(['run', '-v', `${name}:/d`, 'centos', 'true']);
    assert.equal(run.exitCode, 125);
    assert.match(run.stderr, /file name too long/);
    assert.equal(box.docker(['volume', 'create', 'b'.repeat(255)]).exitCode, 0);
  });

  it('a 70,000-character image filter matches nothing; a malformed one is Go\'s syntax error', () => {
    const box = new Sandbox();
    const long = box.docker(['images', '--filter', `reference=${'a'.repeat(70_000)}`]);
    assert.deepEqual(long, { exitCode: 0, stdout: 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n', stderr: '' });
    assert.deepEqual(box.docker(['images', '--filter', 'reference=[a']), { exitCode: 1, stdout: '', stderr: 'Error response from daemon: syntax error in pattern\n' });
    // Go's path.Match: no braces, `*` stops at `/`
    assert.equal(box.docker(['images', '--filter', 'reference={centos,x}', '-q']).stdout, '');
    assert.notEqual(box.docker(['images', '--filter', 'reference=cent[n-p]s', '-q']).stdout, '');
  });

  it('Go\'s path.Match', () => {
    const cases: Array<[string, string, boolean | string]> = [
      ['abc', 'abc', true], ['*', 'abc', true], ['*c', 'abc', true], ['a*', 'a/b', false], ['a*/b', 'abc/b', true],
      ['a*b*c*d*e*/f', 'axbxcxdxe/f', true], ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false], ['ab[c]', 'abc', true],
      ['ab[b-d]', 'abc', true], ['ab[^c]', 'abc', false], ['a\\*b', 'a*b', true], ['a?b', 'a/b', false], ['[', 'a', 'syntax error in pattern'],
      ['[^', 'a', 'syntax error in pattern'], ['a[', 'x', 'syntax error in pattern'], ['*x', 'xxx', true], ['{a,b}', 'a', false],
    ];
    for (const [pattern, name, want] of cases) {
      const got = goPathMatch(pattern, name);
      assert.deepEqual(typeof got === 'object' ? got.error : got, want, `${pattern} ~ ${name}`);
    }
    const started = Date.now();
    goPathMatch(`${'*a'.repeat(2000)}b`, 'a'.repeat(5000));
    assert.ok(Date.now() - started < 5000, 'no blow-up on many stars');
  });

  it('a Go template that calls itself stops at Go\'s depth limit, with Go\'s text', () => {
    const box = new Sandbox();
    const self = box.docker(['ps', '--format', '{{define "x"}}{{template "x"}}{{end}}{{template "x"}}']);
    assert.deepEqual(self, { exitCode: 1, stdout: '', stderr: 'failed to execute template: template: :1:25: executing "x" at <{{template "x"}}>: exceeded maximum template depth (100000)\n' });
    const mutual = box.docker(['ps', '--format', '{{define "x"}}{{template "y"}}{{end}}{{define "y"}}{{template "x"}}{{end}}{{template "x"}}']);
    assert.equal(mutual.stderr, 'failed to execute template: template: :1:62: executing "y" at <{{template "x"}}>: exceeded maximum template depth (100000)\n');
  });

  it('the call Go\'s template depth limit stops comes from the recursion\'s cycle, not from where the JavaScript stack ended', () => {
    const x = { name: 'x', node: 1 };
    const y = { name: 'y', node: 2 };
    const z = { name: 'z', node: 3 };
    const root = { name: '', node: 0 };
    // a chain cut short at any length gives the same answer: the stack's end does not decide it
    for (const length of [13, 100, 1001, 4000]) {
      const chain = [root, ...Array.from({ length: length - 1 }, (_, i) => [x, y, z][i % 3] as typeof x)];
      assert.equal(callAtDepth(chain, 100_000), [x, y, z][(100_000 - 1) % 3], `chain of ${length}`);
    }
    assert.equal(callAtDepth([root, x, y, x, z, x, x, y], 100_000), undefined, 'no cycle: no guess');
  });

  it('a YAML anchor that contains itself is a positioned problem', () => {
    const text = 'name: self\nsteps:\n  - docker: ps\nchecks:\n  - &b\n    file: /x\n    container: c1\n    contains: *b\n';
    const r = loadScenario(new TextEncoder().encode(text), 's.yaml');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.problems[0]?.code, 'RECURSIVE_ALIAS');
    assert.deepEqual(r.problems[0]?.start, { line: 8, col: 15 });
  });

  it('an image reference that is almost valid is answered at once (Go\'s RE2 is linear; the JavaScript regex was exponential)', () => {
    const box = new Sandbox();
    for (const ref of [`${'9'.repeat(40)}日本`, `${'a-'.repeat(35_000)}日`, `${'a'.repeat(50)}-`.repeat(1000) + '!']) {
      const started = Date.now();
      const r = box.docker(['tag', 'centos', ref]);
      assert.equal(r.exitCode, 1);
      assert.match(r.stderr, /invalid reference format/);
      assert.ok(Date.now() - started < 2000, `tag ${ref.slice(0, 30)}… took ${Date.now() - started} ms`);
    }
  });

  it('a true internal error has its own exit code and says how to report it', () => {
    assert.notEqual(EXIT.internal, EXIT.usage);
    const text = internalErrorText(new TypeError('x is undefined'), false);
    assert.match(text, /^drydock: internal error \(exit 70\): TypeError: x is undefined\n/);
    assert.match(text, /bug in drydock, not a problem with your input/);
    assert.match(text, /DRYDOCK_DEBUG=1/);
  });
});
