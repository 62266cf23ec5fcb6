// What parsing a docker command line gives the engines: either a command to run, or the complete output docker
// would have printed without doing anything (a usage error, help, the version line).

import type { CanonicalName } from './command-table.js';
import type { FlagValue } from './flag-value.js';
import type { GlobalOptions } from './global-flags.js';
import type { FlagOccurrence } from './pflag.js';

/** Where the parts of a parsed command sit in the argv given to the parser (indexes into that argv). */
export interface ArgvPositions {
  /** index of the first word after the command words: where flags can be added */
  commandEnd: number;
  /** every flag of the command as written, in order, with absolute indexes */
  occurrences: FlagOccurrence[];
  /** absolute index of each positional argument */
  argIndexes: number[];
  /** long names of the global flags given before the command */
  globals: string[];
}

/** A command line docker would run. */
export interface ParsedCommand {
  /** the name to dispatch on: `docker container ls` → "ps", `docker image rm` → "rmi" */
  name: CanonicalName;
  /** the command words as typed: ["container", "ls"], ["ps"], ["image", "list"] */
  typed: string[];
  /** cobra's command path, as docker's messages quote it: "docker container ls" (even if `ps` was typed) */
  path: string;
  /** every flag of the command by long name, defaults included */
  flags: Record<string, FlagValue>;
  /** long names of the flags given on the command line */
  flagsSet: Set<string>;
  /** positional arguments (for run/create/exec: image or container, then the container's command) */
  args: string[];
  /** how many positional arguments came before `--`, or -1 */
  argsLenAtDash: number;
  global: GlobalOptions;
  /** recognised but not simulated (network, swarm, pull, …); flags are parsed only for single commands */
  refused: boolean;
  /** where each flag value and argument sits in the argv */
  positions: ArgvPositions;
  /** output docker prints before running the command (pflag deprecation notices); usually empty */
  notices: { stdout: string; stderr: string };
}

/** Why docker stopped at parse time. */
export type ParseStop =
  | 'help' // --help, `docker help X`, or a bare management command: exit 0
  | 'version' // docker -v: exit 0
  | 'flag-error' // unknown flag, missing or invalid flag value: exit 125
  | 'arg-error' // wrong number of arguments, unknown help topic: exit 1
  | 'unknown-command' // docker foo: exit 1
  | 'unsupported-flag' // a Windows-only or experimental flag: exit 1
  | 'global-error'; // bad --log-level, --context with -H, …: exit 1

/** The outcome of parsing one docker command line. */
export type ParseResult =
  | { ok: true; command: ParsedCommand }
  | { ok: false; reason: ParseStop; exitCode: number; stdout: string; stderr: string };
