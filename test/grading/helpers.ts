// The demo exercise under test/grading/fixtures/demo (alice: full marks, bob: partial, carol.sh: broken), and
// a fresh output folder to grade it into.

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo fixture folder. */
export const DEMO = fileURLToPath(new URL('./fixtures/demo', import.meta.url));

/** A copy of the demo folder (so a test may change a submission), with an empty `out/`. */
export function demoCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-grade-'));
  cpSync(DEMO, dir, { recursive: true });
  return dir;
}
