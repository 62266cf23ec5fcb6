// The `drydock` command: run, validate, schema, docker, grade, claims, compare and clean. Returns the exit code (0 all passed, 1 a scenario
// failed, 2 bad input or usage); a usage error or an unexpected failure is a message, never a stack trace
// unless DRYDOCK_DEBUG is set.

import { readFileSync } from 'node:fs';
import { didYouMean } from '../scenario/suggest.js';
import { claimsCommand } from './claims-command.js';
import { playgroundCommand } from './playground-command.js';
import { cleanCommand } from './clean-command.js';
import { compareCommand } from './compare-command.js';
import { dockerCommand } from './docker-command.js';
import { gradeCommand } from './grade-command.js';
import { EXIT, processIo, type CliIo } from './io.js';
import { runCommand } from './run-command.js';
import { schemaCommand } from './schema-command.js';
import { USAGE } from './usage.js';
import { formatInputError, formatUsageError, InputError, UsageError } from './usage-error.js';
import { validateCommand } from './validate-command.js';

type Command = (argv: string[], io: CliIo) => Promise<number>;

// Each takes its own `-h/--help` (docker's is docker's), so `drydock help X` is `drydock X --help`.
const COMMANDS: Record<string, Command> = {
  run: runCommand,
  validate: validateCommand,
  schema: schemaCommand,
  docker: dockerCommand,
  clean: cleanCommand,
  compare: compareCommand,
  grade: gradeCommand,
  claims: claimsCommand,
  playground: playgroundCommand,
};

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function lookup(name: string): Command {
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command !== undefined) return command;
  const hint = didYouMean(name, Object.keys(COMMANDS), (s) => s);
  throw new UsageError(`unknown command ${JSON.stringify(name)}${hint ? `; ${hint}` : ''}`);
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      io.stderr(USAGE);
      return EXIT.usage;
    case '--version':
    case '-v':
      io.stdout(`drydock ${version()}\n`);
      return EXIT.ok;
    case 'help':
    case '--help':
    case '-h':
      if (command === 'help' && rest[0] !== undefined) return lookup(rest[0])(['--help'], io);
      io.stdout(USAGE);
      return EXIT.ok;
    default:
      if (command.startsWith('-')) throw new UsageError(`unknown option ${command} (options go after the command)`);
      return lookup(command)(rest, io);
  }
}

/** Runs the drydock command line `argv` (without the program name); resolves with the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(formatUsageError(e));
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      io.stderr(formatInputError(e));
      return EXIT.usage;
    }
    io.stderr(`drydock: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (io.env.DRYDOCK_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT.usage;
  }
}
