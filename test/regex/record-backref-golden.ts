// Re-records backref-golden.ts from the real busybox-static (as root, with /bin/busybox: the chroot oracle of
// the shell's differential tests):   npx tsx test/regex/record-backref-golden.ts

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { oracleUnavailable, runReal } from '../engine/sim/shell/oracle.js';
import { BACKREF_CASES } from './backref-cases.js';

const why = oracleUnavailable();
if (why) throw new Error(`cannot record: ${why}`);
const out: string[] = [
  '// Outputs of the real busybox-static 1.35 (glibc regexec) for every case of backref-cases.ts, recorded with',
  '// `npx tsx test/regex/record-backref-golden.ts`, so the simulator is checked where /bin/busybox is missing.',
  '',
  "import type { Outcome } from '../engine/sim/shell/oracle.js';",
  '',
  '/** Expected outcome by case name. */',
  'export const BACKREF_GOLDEN: Record<string, Outcome> = {',
];
for (const c of BACKREF_CASES) {
  const o = runReal(c.script);
  out.push(`  ${JSON.stringify(c.name)}: { stdout: ${JSON.stringify(o.stdout)}, stderr: ${JSON.stringify(o.stderr)}, status: ${o.status} },`);
}
out.push('};');
writeFileSync(fileURLToPath(new URL('./backref-golden.ts', import.meta.url)), `${out.join('\n')}\n`);
