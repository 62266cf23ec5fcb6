// Writes test/fidelity/moby/LEDGER.md from the committed test list, the reviewed reasons and the case files.
//
//   npx tsx scripts/moby/write-ledger.ts

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOBY_DIR } from '../../test/fidelity/moby/case-file.js';
import { ledgerMarkdown } from '../../test/fidelity/moby/ledger.js';

writeFileSync(join(MOBY_DIR, 'LEDGER.md'), ledgerMarkdown());
console.log(`wrote ${join(MOBY_DIR, 'LEDGER.md')}`);
