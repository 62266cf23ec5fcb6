// The two ways a command line can be wrong before anything runs, both exit code 2 and a one-line message
// naming the subcommand: a usage error (an option or argument it does not take) and an input file it
// cannot read. Thrown by the subcommands, printed by main.

// Commands are loaded with import() (src/cli/main.ts); a loader that gives a dynamically imported module
// its own copy of this file (tsx under mocha does) would make `instanceof` fail across the copies, and a usage
// error would print as an internal error. The classes recognise their instances by a registered symbol instead.
const USAGE_ERROR = Symbol.for('drydock.UsageError');
const INPUT_ERROR = Symbol.for('drydock.InputError');
const branded = (value: unknown, brand: symbol): boolean => typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;

/** A usage error: `command` is the subcommand whose `--help` the message points at (none: `drydock --help`). */
export class UsageError extends Error {
  readonly [USAGE_ERROR] = true;

  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, USAGE_ERROR);
  }
}

/** A file named on the command line that cannot be read (missing, a folder, no permission). */
export class InputError extends Error {
  readonly [INPUT_ERROR] = true;

  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, INPUT_ERROR);
  }
}

/** "drydock run: unknown option --nope\nRun 'drydock run --help' for usage.\n" */
export function formatUsageError(e: UsageError): string {
  const who = e.command === undefined ? 'drydock' : `drydock ${e.command}`;
  return `${who}: ${e.message}\nRun '${who} --help' for usage.\n`;
}

/** "drydock compare: cannot read bug.sh: no such file\n" */
export function formatInputError(e: InputError): string {
  return `drydock ${e.command}: ${e.message}\n`;
}
