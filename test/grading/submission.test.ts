import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSubmissions, parseCommands, readSubmission } from '../../src/grading/submission.js';

describe('parseCommands', () => {
  it('one docker command a line: comments, blank lines and `\\` continuations, each with its first line', () => {
    const text = '# build\ndocker build -t x .   # tag it\n\ndocker run -d \\\n  --name web \\\n  x\ndocker exec web sh -c "echo a # not a comment"\n';
    const { commands, problems } = parseCommands(text, 's/commands.sh');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      commands.map((c) => [c.line, c.words]),
      [
        [2, ['build', '-t', 'x', '.']],
        [4, ['run', '-d', '--name', 'web', 'x']],
        [7, ['exec', 'web', 'sh', '-c', 'echo a # not a comment']],
      ],
    );
  });

  it('rejects lines that are not docker commands, and shell operators, with file:line', () => {
    const { commands, problems } = parseCommands('ls -l\ndocker ps | grep web\nsudo docker ps\ndocker ps\ndocker run "unterminated\n', 'bob/commands.sh');
    assert.equal(commands.length, 1);
    assert.deepEqual(
      problems.map((p) => `${p.location.file}:${p.location.line}`),
      ['bob/commands.sh:1', 'bob/commands.sh:2', 'bob/commands.sh:3', 'bob/commands.sh:5'],
    );
    assert.match(problems[0]?.message ?? '', /not a docker command: `ls -l`/);
    assert.match(problems[1]?.message ?? '', /`\|` is a shell operator/);
  });

  it('passes `${{ }}` through as typed (a student line is never a template)', () => {
    assert.deepEqual(parseCommands('docker run x echo ${{ vars.secret }}\n', 'f').commands[0]?.words, ['run', 'x', 'echo', '${{ vars.secret }}']);
  });
});

describe('readSubmission and findSubmissions', () => {
  it('reads commands.sh and the other regular files; symlinks are left out with a problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-sub-'));
    const sub = join(dir, 'subs', 'ann');
    mkdirSync(join(sub, 'app'), { recursive: true });
    writeFileSync(join(sub, 'commands.sh'), 'docker ps\n');
    writeFileSync(join(sub, 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(sub, 'app', 'run.sh'), 'echo hi\n', { mode: 0o755 });
    symlinkSync('/etc/passwd', join(sub, 'passwd'));
    const s = await readSubmission(sub, 'subs/ann');
    assert.equal(s.student, 'ann');
    assert.equal(s.commands, 'docker ps\n');
    assert.deepEqual(
      s.files.map((f) => [f.name, f.mode]),
      [
        ['Dockerfile', 0o644],
        ['app/run.sh', 0o755],
      ],
    );
    assert.equal(s.problems.length, 1);
    assert.match(s.problems[0]?.message ?? '', /not a regular file/);
    writeFileSync(join(dir, 'subs', 'bob.sh'), 'docker ps\n');
    mkdirSync(join(dir, 'subs', 'empty'));
    const found = await findSubmissions(['subs', 'subs/ann', 'nope'], dir);
    assert.deepEqual(found, { found: ['subs/ann', 'subs/bob.sh', 'subs/empty'], missing: ['nope'] });
  });
});
