// Reads a file the user named on the command line. A missing or unreadable file is the user's mistake, so it
// becomes an InputError naming the file as typed, never node's ENOENT text with an absolute path.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readFailureReason } from '../errors/read-failure.js';
import { InputError } from './usage-error.js';

/** The text of `path` (relative to `cwd`), or an InputError for `command`. */
export function readInputFile(command: string, path: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${readFailureReason(e)}`, command);
  }
}
