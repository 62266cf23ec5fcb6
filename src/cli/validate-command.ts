// `drydock validate [paths…]`: loads every scenario and reports every problem, without running anything.

import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from './io.js';
import { UsageError } from './args.js';
import { loadAll, problemSummary } from './load-all.js';

/** Runs `drydock validate`; returns the exit code. */
export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let positionals: string[];
  try {
    positionals = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: {} }).positionals;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const loaded = await loadAll(positionals.length > 0 ? positionals : ['scenarios'], io);
  if (loaded.problems.length > 0) {
    io.stderr(`drydock: ${problemSummary(loaded.problems)}\n`);
    return EXIT.usage;
  }
  if (loaded.missing.length > 0 || loaded.files === 0) return EXIT.usage;
  io.stdout(`${loaded.scenarios.length} scenario${loaded.scenarios.length === 1 ? '' : 's'} valid\n`);
  return EXIT.ok;
}
