// A slice of `npm run fuzz` in CI: a few thousand hostile inputs, none may end in an internal error.
// Budget: about 30 s on one core (2,000 inputs at roughly 100 per second, most of it simulator commands).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerDefaultTargets, runFuzz } from './fuzz.js';

const repo = join(fileURLToPath(import.meta.url), '..', '..', '..');

describe('fuzz slice: no internal errors from hostile input', function () {
  this.timeout(180_000);

  it('docker argv in every spelling, Go templates, scenario files and archives', async () => {
    registerDefaultTargets(join(repo, 'scenarios'));
    // a new seed each day: the slice covers new ground over time, and a failure names the seed to rerun with
    const seed = Math.floor(Date.now() / 86_400_000);
    const report = await runFuzz({ seed, inputs: 2000, only: ['docker-argv', 'go-template', 'scenario-file', 'archive'] });
    assert.equal(report.inputs, 2000);
    const shown = report.findings.slice(0, 5).map((f) => `[${f.target}] seed ${f.seed} index ${f.index}: ${f.input}\n${f.error}`);
    assert.deepEqual(shown, [], `rerun with: npm run fuzz -- --seed ${seed} --inputs 2000 --only docker-argv,go-template,scenario-file,archive`);
  });
});

describe('fuzz regressions: archives that once ended in an internal error', function () {
  this.timeout(120_000);

  // seed 7 of the archive target held members under a symbolic link loop (index 2407: lstat's ELOOP, 8109: a
  // directory member's ELOOP) and a directory a later member turned into a link to a file (53377: chtimes'
  // ENOTDIR); each ended as a JavaScript exception before untar reported them as the daemon does
  it('seed 7, the first 60,000 archive inputs: no internal error', async () => {
    registerDefaultTargets(join(repo, 'scenarios'));
    const report = await runFuzz({ seed: 7, inputs: 60_000, only: ['archive'] });
    assert.deepEqual(report.findings.slice(0, 3).map((f) => `index ${f.index}: ${f.error}`), []);
  });
});
