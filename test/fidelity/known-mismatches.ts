// The allow-list of mismatches the simulator is known to have (known-mismatches.json: test title → reason).
// Listed cases are pending instead of failing, so `npm test` stays green while the simulator catches up, and
// the list shrinks as it is fixed; anything not listed must match.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file's shape. */
export interface KnownMismatchesFile {
  comment: string;
  mismatches: Record<string, string>;
}

/** Where the allow-list lives. */
export const KNOWN_MISMATCHES_PATH = join(dirname(fileURLToPath(import.meta.url)), 'known-mismatches.json');

/** The allow-list (empty when the file does not exist). */
export function loadKnownMismatches(path = KNOWN_MISMATCHES_PATH): Map<string, string> {
  if (!existsSync(path)) return new Map();
  const file = JSON.parse(readFileSync(path, 'utf8')) as KnownMismatchesFile;
  return new Map(Object.entries(file.mismatches));
}
