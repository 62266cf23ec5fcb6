// Replays moby cases on the simulator only (no engine needed) and prints each one's first difference.
//
//   npx tsx scripts/moby/replay.ts [<substring of a case id or moby test file>…]

import { loadCases } from '../../test/fidelity/moby/case-file.js';
import { compareCase, firstDifference, runCaseOnSim } from '../../test/fidelity/moby/sim-replay.js';

const filters = process.argv.slice(2);
let same = 0;
const cases = loadCases().filter((c) => filters.length === 0 || filters.some((f) => c.id.includes(f) || c.spec.moby.includes(f)));
for (const c of cases) {
  const started = Date.now();
  console.log(`… ${c.id}`);
  const diff = c.spec.recorded ? firstDifference(compareCase(c, await runCaseOnSim(c))) : 'not recorded';
  if (diff === null) same++;
  else console.log(`DIFF ${c.id}${c.spec.knownDifference ? ' (known)' : ''} (${Date.now() - started}ms)\n${diff}\n`);
}
console.log(`${cases.length} cases replayed; simulator matches ${same}`);
