// A submission that would hang the thread grading it, in a batch of two: it is stopped and the other
// submission keeps its grade. The hang is a back-reference on 40 characters: hours of RegExp; the step-counted
// matcher (src/regex/backtrack.ts) now stops it at the step budget or the time limit, whichever comes first on
// the machine (graded 0, or `timeout`); grading on a thread of its own, terminated at the limit, stays the last
// resort. Run as a process, so that on code that grades a small batch on the main thread and cannot stop the
// hang the test fails by its own timeout instead of hanging the suite. Budget: about 35 s (the time
// limit, 2 s, plus the 10 s the pool allows past it, plus starting the threads from the sources).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { writeFolder } from '../cli/helpers.js';

const entry = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const script = `import { main } from ${JSON.stringify(entry)}; process.exitCode = await main(process.argv.slice(1));`;

const EXERCISE = `name: hang
exercise:
  title: Hang
  timeLimit: 2s
steps:
  - submission: true
checks:
  - name: web runs
    containers: { running: [web] }
`;

describe('drydock grade: a hanging submission in a small batch', function () {
  this.timeout(90_000);

  it('is stopped and scores nothing; the other is graded', async () => {
    const hang = `docker run --rm drydock/busybox:1.35 sh -c "echo ${'a'.repeat(40)} | grep '^\\\\(a\\\\|a\\\\)*\\\\1b$'"\n`;
    const dir = writeFolder({
      'exercise.yaml': EXERCISE,
      'subs/good/commands.sh': 'docker run -d --name web drydock/busybox:1.35 sleep 1000\n',
      'subs/hang/commands.sh': hang,
    });
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const started = performance.now();
    const r = await execa('node', ['--import', tsx, '--input-type=module', '-e', script, 'grade', 'exercise.yaml', 'subs', '--out', 'out', '--no-html'], { cwd: dir, reject: false, timeout: 60_000, env: { NO_COLOR: '1' } });
    assert.equal(r.timedOut, false, `drydock grade did not finish within 60 s (${Math.round(performance.now() - started)} ms)`);
    assert.equal(r.exitCode, 0, r.stderr);
    const csv = readFileSync(join(dir, 'out', 'grades.csv'), 'utf8');
    assert.match(csv, /\r\ngood,subs\/good,graded,1,1,/);
    assert.match(csv, /\r\nhang,subs\/hang,(timeout|graded),0,1,/);
  });
});
