// The two ways a command line can be wrong before anything runs, both exit code 2 and a one-line message
// naming the subcommand: a usage error (an option or argument it does not take) and an input file it
// cannot read. Thrown by the subcommands, printed by main.

// Each class answers `instanceof` by a brand in the global symbol registry, not by its prototype: a command is
// loaded by `import()` when it runs, and a loader that gives the dynamically imported graph module instances of
// its own (tsx under mocha does) would otherwise turn every usage error into an internal error (exit 70).
const USAGE_BRAND = Symbol.for('drydock.UsageError');
const INPUT_BRAND = Symbol.for('drydock.InputError');

const hasBrand = (value: unknown, brand: symbol): boolean => typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;

/** A usage error: `command` is the subcommand whose `--help` the message points at (none: `drydock --help`). */
export class UsageError extends Error {
  readonly [USAGE_BRAND] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, USAGE_BRAND);
  }
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** A file named on the command line that cannot be read (missing, a folder, no permission). */
export class InputError extends Error {
  readonly [INPUT_BRAND] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, INPUT_BRAND);
  }
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
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
