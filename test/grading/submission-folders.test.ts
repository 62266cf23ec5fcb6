import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gradeCommand } from '../../src/cli/grade-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { terminalText } from '../../src/cli/terminal-text.js';
import { csvCell } from '../../src/reporters/csv/grades-csv.js';
import { demoCopy } from './helpers.js';

async function grade(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, cwd, env: {} };
  const code = await gradeCommand(argv, io);
  return { code, stdout, stderr };
}

/** Parses RFC 4180 CSV (quoted cells, CRLF rows) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    }
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('submission folders: every entry gets a row, names are shown safely', () => {
  it('a hidden folder, symlinks and other files get a row saying why they are not graded', async () => {
    const dir = demoCopy();
    const subs = join(dir, 'submissions');
    cpSync(join(subs, 'alice'), join(subs, '.dot-alice'), { recursive: true });
    symlinkSync(join(subs, 'alice'), join(subs, 'linked-folder'));
    symlinkSync(join(subs, 'carol.sh'), join(subs, 'linked.sh'));
    writeFileSync(join(subs, 'notes.txt'), 'not a submission\n');
    const r = await grade(['exercise.yaml', 'submissions', '--out', 'grades', '--no-html'], dir);
    assert.equal(r.code, 0, r.stderr);
    const rows = parseCsv(readFileSync(join(dir, 'grades', 'grades.csv'), 'utf8')).slice(1);
    const byPath = new Map(rows.map((row) => [row[1], row]));
    assert.equal(rows.length, 7, 'one row per entry of the folder');
    for (const [path, status] of [
      ['submissions/alice', 'graded'],
      ['submissions/.dot-alice', 'rejected'],
      ['submissions/linked-folder', 'rejected'],
      ['submissions/linked.sh', 'rejected'],
      ['submissions/notes.txt', 'rejected'],
    ]) assert.equal(byPath.get(path)?.[2], status, path);
    assert.match(r.stdout, /✗ \.dot-alice: 0 \/ 6 \(rejected: not graded: hidden \(its name starts with a dot\)\)/);
    assert.match(r.stdout, /✗ linked-folder: 0 \/ 6 \(rejected: not graded: a symlink/);
    assert.match(r.stdout, /✗ linked: 0 \/ 6 \(rejected: not graded: a symlink/);
    assert.match(r.stdout, /✗ notes\.txt: 0 \/ 6 \(rejected: not graded: not a folder or a \.sh file\)/);
  });

  it('names with terminal escapes and newlines are printed escaped, on one line each', async () => {
    const dir = demoCopy();
    const subs = join(dir, 'submissions');
    const evil = 'x\u001b]0;pwned\u0007\u001b[2J\nfake ✓ line';
    mkdirSync(join(subs, evil));
    cpSync(join(subs, 'alice'), join(subs, evil), { recursive: true });
    const r = await grade(['exercise.yaml', 'submissions', '--out', 'grades', '--no-html'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, /[\u0000-\u0009\u000b-\u001f]/, 'no raw control character reaches the terminal');
    assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('✓ x')).length, 1);
    assert.match(r.stdout, /✓ x\\x1b\]0;pwned\\x07\\x1b\[2J\\nfake ✓ line: 6 \/ 6\n/);
  });

  it('escapes the C0 and C1 controls and bidirectional overrides', () => {
    assert.equal(terminalText('a\tb\r\n\u0000\u007f\u009b\u202ez'), 'a\\tb\\r\\n\\x00\\x7f\\x9b\\u202ez');
    assert.equal(terminalText('plain é ✓'), 'plain é ✓');
  });

  it('CSV neutralises a formula behind leading blanks', async () => {
    for (const bad of [' =1+1', '  @SUM(A1)', '\u00a0=cmd', '\t=1', '\n=1', '-2+3', '＝1']) assert.ok(csvCell(bad).replace(/^"/, '').startsWith("'"), JSON.stringify(bad));
    for (const ok of ['alice', ' alice', 'a=b', '3']) assert.ok(!csvCell(ok).startsWith("'"), ok);
    const dir = demoCopy();
    const subs = join(dir, 'submissions');
    cpSync(join(subs, 'alice'), join(subs, ' =HYPERLINK("http:x")'), { recursive: true });
    const r = await grade(['exercise.yaml', 'submissions', '--out', 'grades', '--no-html', '-q'], dir);
    assert.equal(r.code, 0, r.stderr);
    const rows = parseCsv(readFileSync(join(dir, 'grades', 'grades.csv'), 'utf8'));
    const row = rows.find((cells) => cells[1]?.includes('HYPERLINK'));
    assert.equal(row?.[0], `' =HYPERLINK("http:x")`);
  });
});
