// A slice of `npm run fuzz -- --only state-dir` in CI: damaged state directories (issue 12 item 5) are loaded
// and used; each is loaded whole or reported damaged, never an internal error.
// Budget: about 15 s (150 inputs at roughly 10 per second: each copies, damages and loads a saved state).
import assert from 'node:assert/strict';
import { registerFuzzTarget } from './target.js';
import { runFuzz } from './fuzz.js';
import { stateDirTarget } from './targets/state-dir.js';

describe('fuzz slice: damaged state directories', function () {
  this.timeout(180_000);

  it('loads each whole or reports it damaged, never an internal error', async () => {
    registerFuzzTarget(stateDirTarget());
    const seed = Math.floor(Date.now() / 86_400_000);
    const report = await runFuzz({ seed, inputs: 150, only: ['state-dir'] });
    assert.equal(report.inputs, 150);
    const shown = report.findings.slice(0, 5).map((f) => `seed ${f.seed} index ${f.index}: ${f.input}\n${f.error}`);
    assert.deepEqual(shown, [], `rerun with: npm run fuzz -- --seed ${seed} --inputs 150 --only state-dir`);
  });
});
