// How every entry point of drydock ends: a usage or input error is exit 2 with its message, anything else is a
// bug of drydock's own, exit 70 with a message that says so (docs/errors.md). `drydock` (main.ts), the fuzz
// tester and the two `docker` programs `drydock compare` puts on PATH all end through here, so none of them
// reports a bug as bad input or as Node's exit 1 with a bare stack.

import { EXIT, type CliIo } from './io.js';
import { formatInputError, formatUsageError, InputError, UsageError } from './usage-error.js';

/** What drydock prints for a bug of its own: what broke, that the input is not to blame, and how to report it. */
export function internalErrorText(e: unknown, debug: boolean): string {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const lines = [
    `drydock: internal error (exit ${EXIT.internal}): ${message}`,
    'This is a bug in drydock, not a problem with your input. Please report it with the command line, the files',
    'it read, and the output of the same command run again with DRYDOCK_DEBUG=1 (see docs/errors.md).',
  ];
  if (debug && e instanceof Error && e.stack) lines.push(e.stack);
  return `${lines.join('\n')}\n`;
}

/** Runs an entry point; resolves with its exit code, or 2 for a usage or input error and 70 for anything else. */
export async function exitCodeOf(run: () => Promise<number>, io: Pick<CliIo, 'stderr' | 'env'>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(formatUsageError(e));
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      io.stderr(formatInputError(e));
      return EXIT.usage;
    }
    io.stderr(internalErrorText(e, io.env.DRYDOCK_DEBUG !== undefined && io.env.DRYDOCK_DEBUG !== ''));
    return EXIT.internal;
  }
}
