// Reads a file the user named on the command line. A missing or unreadable file is the user's mistake, so it
// becomes an InputError naming the file as typed, never node's ENOENT text with an absolute path.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from './usage-error.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** The text of `path` (relative to `cwd`), or an InputError for `command`. */
export function readInputFile(command: string, path: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = (code !== undefined && REASONS[code]) || (e instanceof Error ? e.message : String(e));
    throw new InputError(`cannot read ${path}: ${reason}`, command);
  }
}
