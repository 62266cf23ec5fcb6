import assert from 'node:assert/strict';
import { dockerArgv, loadReference, parseBlock, parseReference, splitTrailingComment } from './reference-transcripts.js';

const block = (lines: string[]) => parseBlock({ section: '9.9', line: 10, lang: '', lines });

describe('reference transcripts: parser', () => {
  it('reads command, stdout, stderr and exit code', () => {
    const [t] = block(['$ docker rm cv-stopped cv-nope', 'cv-stopped', '--- stderr:', 'Error: No such container: cv-nope', '[exit code: 1]']);
    assert.equal(t!.command, 'docker rm cv-stopped cv-nope');
    assert.equal(t!.line, 11);
    assert.equal(t!.stdout, 'cv-stopped\n');
    assert.equal(t!.stderr, 'Error: No such container: cv-nope\n');
    assert.equal(t!.exitCode, 1);
  });

  it('keeps blank lines inside output and an empty stdout line', () => {
    const [t] = block(['$ docker image inspect x', '', '--- stderr:', 'Error: No such image: x', '[exit code: 1]']);
    assert.equal(t!.stdout, '\n');
  });

  it('handles output without a final newline (exit code or stderr marker on the same line)', () => {
    const [a, b] = block(['$ x', '/ # ^[[6n[exit code: 0]', '$ docker build .', 'Step 2/2', '\\x1b[91mls: x', '\\x1b[0m--- stderr:', 'boom', '[exit code: 1]']);
    assert.equal(a!.stdout, '/ # ^[[6n');
    assert.equal(b!.stdout, 'Step 2/2\n\x1b[91mls: x\n\x1b[0m');
    assert.equal(b!.stderr, 'boom\n');
  });

  it('reads rc=N, setup lines without exit code, elisions and cut-off blocks', () => {
    const ts = block(['$ { echo a; } > Dockerfile', '$ docker build -t x .', '... (steps 1-122 omitted)', 'Step 123/131', '--- stderr:', 'max depth exceeded', 'rc=1', '$ docker ps   # (excerpt)', 'a b']);
    assert.equal(ts[0]!.exitCode, null);
    assert.equal(ts[1]!.exitCode, 1);
    assert.ok(ts[1]!.elided);
    assert.equal(ts[2]!.comment, '(excerpt)');
    assert.ok(ts[2]!.cutOff);
  });

  it('keeps notes before a command and reports output whose command is missing', () => {
    const ts = block(['49494b8b46a6…', '[exit code: 0]', '', '# cv-rv1 anonymous volumes: a… b…', '$ docker create x', 'id', '[exit code: 0]']);
    assert.equal(ts[0]!.command, '');
    assert.equal(ts[0]!.stdout, '49494b8b46a6…\n');
    assert.ok(ts[1]!.notes.includes('# cv-rv1 anonymous volumes: a… b…'));
  });

  it('splits a trailing comment only outside quotes', () => {
    assert.deepEqual(splitTrailingComment("docker build -t x .          # FROM y"), { command: 'docker build -t x .', comment: 'FROM y' });
    assert.deepEqual(splitTrailingComment("sh -c 'echo # no'"), { command: "sh -c 'echo # no'", comment: null });
  });

  it('finds numbered sections and ignores headings inside blocks', () => {
    const sections = parseReference(['## 3. Errors', '### 3.1 No such container', '```', '## setup', '$ docker rm x', '[exit code: 0]', '```'].join('\n'));
    assert.deepEqual(sections.map((s) => s.id), ['3', '3.1']);
    assert.equal(sections[1]!.transcripts.length, 1);
    assert.deepEqual(sections[1]!.transcripts[0]!.notes, ['## setup']);
  });

  it('splits docker command lines into argv', () => {
    assert.deepEqual(dockerArgv("docker run --rm --name a cv-tomcat sh -c 'ls /x; pwd'"), ['run', '--rm', '--name', 'a', 'cv-tomcat', 'sh', '-c', 'ls /x; pwd']);
    assert.deepEqual(dockerArgv('docker run -v <HOSTDIR>/a:/b x'), ['run', '-v', '<HOSTDIR>/a:/b', 'x']);
    assert.equal(dockerArgv('docker images | grep x'), null);
    assert.equal(dockerArgv('cat Dockerfile'), null);
  });

  it('parses the real reference when it is there', function () {
    const ref = loadReference();
    if (!ref) this.skip();
    const all = ref!.sections.flatMap((s) => s.transcripts);
    assert.ok(all.length > 400);
    assert.ok(all.every((t) => t.section.length > 0 && t.line > 0));
  });
});
