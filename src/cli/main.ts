// The `drydock` command: run, validate, schema, docker, grade, claims, compare and clean. Returns the exit code (0 all passed, 1 a scenario
// failed, 2 bad input or usage); a usage error or an unexpected failure is a message, never a stack trace
// unless DRYDOCK_DEBUG is set.

import { readFileSync } from 'node:fs';
import { USAGE, UsageError } from './args.js';
import { EXIT, processIo, type CliIo } from './io.js';
import { cleanCommand } from './clean-command.js';
import { compareCommand } from './compare-command.js';
import { claimsCommand } from './claims-command.js';
import { gradeCommand } from './grade-command.js';
import { runCommand } from './run-command.js';
import { scenarioSchemaText } from '../scenario/schema-file.js';
import { validateCommand } from './validate-command.js';

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

// `drydock docker …` belongs to the simulator's own CLI module, loaded only when used (it may not exist yet).
async function dockerCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const modulePath = '../engine/sim/node/docker-command.js';
  let mod: { runDockerCli?: (argv: string[]) => Promise<number> };
  try {
    mod = (await import(modulePath)) as typeof mod;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND') {
      io.stderr('drydock: `drydock docker` is not available in this build (the simulator command is missing)\n');
      return EXIT.usage;
    }
    throw e;
  }
  if (typeof mod.runDockerCli !== 'function') {
    io.stderr('drydock: `drydock docker` is not available in this build (runDockerCli is missing)\n');
    return EXIT.usage;
  }
  return mod.runDockerCli([...argv]);
}

/** Runs the drydock command line `argv` (without the program name); resolves with the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest, io);
      case 'validate':
        return await validateCommand(rest, io);
      case 'schema':
        if (rest.length > 0) throw new UsageError('`drydock schema` takes no arguments');
        io.stdout(scenarioSchemaText());
        return EXIT.ok;
      case 'docker':
        return await dockerCommand(rest, io);
      case 'clean':
        return await cleanCommand(rest, io);
      case 'compare':
        return await compareCommand(rest, io);
      case 'grade':
        return await gradeCommand(rest, io);
      case 'claims':
        return await claimsCommand(rest, io);
      case '--version':
      case '-v':
        io.stdout(`drydock ${version()}\n`);
        return EXIT.ok;
      case undefined:
        io.stderr(USAGE);
        return EXIT.usage;
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return EXIT.ok;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`drydock: ${e.message}\nRun 'drydock --help' for usage.\n`);
      return EXIT.usage;
    }
    io.stderr(`drydock: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (io.env.DRYDOCK_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT.usage;
  }
}
