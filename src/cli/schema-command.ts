// `drydock schema`: prints the scenario JSON Schema, for editors and other tools.

import { scenarioSchemaText } from '../scenario/schema-file.js';
import { EXIT, type CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';

/** `drydock schema --help`. */
const SCHEMA_USAGE = `Usage: drydock schema [options]

Prints the scenario JSON Schema (draft 2020-12), the same as schemas/scenario.schema.json. Editors with the
YAML language server complete and check scenarios from it.

Options:
  -h, --help          show this help

Example:
  drydock schema > scenario.schema.json

Exit codes: 0 printed, 2 bad usage.
`;

/** Runs `drydock schema`; returns the exit code. */
export async function schemaCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (parseCommandArgs('schema', argv, {}, { maxPositionals: 0 }).help) {
    io.stdout(SCHEMA_USAGE);
    return EXIT.ok;
  }
  io.stdout(scenarioSchemaText());
  return EXIT.ok;
}
