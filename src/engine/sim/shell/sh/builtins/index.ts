// ash's builtin table: which commands the shell runs itself, and which are POSIX "special" builtins (their
// prefix assignments persist and their errors end a non-interactive shell).

import type { Shell } from '../shell.js';
import { CD_BUILTINS } from './cd.js';
import { FLOW_BUILTINS } from './flow.js';
import { READ_BUILTINS } from './read.js';
import { SIMPLE_BUILTINS } from './simple.js';
import { VAR_BUILTINS } from './vars.js';

/** A builtin command. */
export interface Builtin {
  special: boolean;
  run(sh: Shell, argv: string[]): number;
}

/** Every builtin by name. */
export const BUILTINS = new Map<string, Builtin>([
  ...SIMPLE_BUILTINS,
  ...FLOW_BUILTINS,
  ...VAR_BUILTINS,
  ...CD_BUILTINS,
  ...READ_BUILTINS,
]);
