// The two ways a command line can be wrong before anything runs, both exit code 2 and a one-line message
// naming the subcommand: a usage error (an option or argument it does not take) and an input file it
// cannot read. Thrown by the subcommands, printed by main.

/** A usage error: `command` is the subcommand whose `--help` the message points at (none: `drydock --help`). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** A file named on the command line that cannot be read (missing, a folder, no permission). */
export class InputError extends Error {
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
