// `drydock validate [paths…]`: loads every scenario and reports every problem, without running anything.

import { EXIT, type CliIo } from './io.js';
import { loadAll, problemSummary } from './load-all.js';
import { parseCommandArgs } from './parse-command-args.js';

/** `drydock validate --help`. */
const VALIDATE_USAGE = `Usage: drydock validate [paths…] [options]

Loads every scenario and reports every problem of every file at once (file:line:col, a caret frame, "did you
mean"), without running anything.

Arguments:
  paths…              scenario files, folders (searched for .yaml and .yml) and globs (default scenarios/)

Options:
  -h, --help          show this help

Examples:
  drydock validate
  drydock validate scenarios/notes 'scenarios/**/vol*.yaml'

Exit codes: 0 every scenario valid, 2 a problem, a path that names no scenario, or bad usage.
`;

/** Runs `drydock validate`; returns the exit code. */
export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('validate', argv, {});
  if (parsed.help) {
    io.stdout(VALIDATE_USAGE);
    return EXIT.ok;
  }
  const loaded = await loadAll(parsed.positionals.length > 0 ? parsed.positionals : ['scenarios'], io);
  if (loaded.problems.length > 0) {
    io.stderr(`drydock: ${problemSummary(loaded.problems)}\n`);
    return EXIT.usage;
  }
  if (loaded.missing.length > 0 || loaded.files === 0) return EXIT.usage;
  io.stdout(`${loaded.scenarios.length} scenario${loaded.scenarios.length === 1 ? '' : 's'} valid\n`);
  return EXIT.ok;
}
