// Re-records golden-cases.ts from the real busybox (run as root with /bin/busybox present):
//   npx tsx test/engine/sim/shell/record-golden.ts

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { APPLET_CASES, SHELL_CASES } from './differential-cases.js';
import { normaliseOutcome } from './normalise.js';
import { oracleUnavailable, runReal } from './oracle.js';

const why = oracleUnavailable();
if (why) throw new Error(`cannot record: ${why}`);
const out: string[] = [
  '// Outputs of the real busybox 1.35 for every differential case (differential-cases.ts), recorded with',
  '// `npx tsx test/engine/sim/shell/record-golden.ts` so that the simulator is checked where no root or',
  '// /bin/busybox is available. Times are normalised (see normalise.ts).',
  '',
  "import type { Outcome } from './oracle.js';",
  '',
  '/** Expected outcome by case name. */',
  'export const GOLDEN: Record<string, Outcome> = {',
];
for (const c of [...SHELL_CASES, ...APPLET_CASES]) {
  const o = normaliseOutcome(runReal(c.script, {}, c.stdin ?? ''));
  out.push(`  ${JSON.stringify(c.name)}: { stdout: ${JSON.stringify(o.stdout)}, stderr: ${JSON.stringify(o.stderr)}, status: ${o.status} },`);
}
out.push('};');
writeFileSync(fileURLToPath(new URL('./golden-cases.ts', import.meta.url)), `${out.join('\n')}\n`);
