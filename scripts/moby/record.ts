// Re-records moby cases on the real 20.10 engine and writes what each step printed into its case file, then
// replays them on the simulator and prints which differ.
//
//   npm run moby:record [-- <substring of a case id or moby test file>…]

import { writeFileSync } from 'node:fs';
import { loadCases } from '../../test/fidelity/moby/case-file.js';
import { recordCases } from '../../test/fidelity/moby/real-record.js';
import { compareCase, firstDifference, runCaseOnSim } from '../../test/fidelity/moby/sim-replay.js';

const filters = process.argv.slice(2);
const cases = loadCases().filter((c) => filters.length === 0 || filters.some((f) => c.id.includes(f) || c.spec.moby.includes(f)));
const started = Date.now();
const recordings = await recordCases(cases, 4);
let same = 0;
// every recording is written before any replay, so a simulator that throws loses none of them
for (const [i, c] of cases.entries()) {
  const { recorded: _old, ...rest } = c.spec;
  c.spec.recorded = recordings[i]!;
  writeFileSync(c.path, `${JSON.stringify({ ...rest, recorded: recordings[i] }, null, 2)}\n`);
}
for (const c of cases) {
  let diff: string | null;
  try {
    diff = firstDifference(compareCase(c, await runCaseOnSim(c)));
  } catch (error) {
    diff = `the simulator threw: ${(error as Error).stack ?? String(error)}`;
  }
  if (diff === null) same++;
  else console.log(`DIFF ${c.id}${c.spec.knownDifference ? ' (known)' : ''}\n${diff}\n`);
}
console.log(`${cases.length} cases recorded in ${((Date.now() - started) / 1000).toFixed(1)}s; simulator matches ${same}`);
