// The `drydock` command: run, validate, schema, docker, grade, claims, compare and clean. Returns the exit code (0 all passed, 1 a scenario
// failed, 2 bad input or usage); a usage error or an unexpected failure is a message, never a stack trace
// unless DRYDOCK_DEBUG is set.

import { readFileSync } from 'node:fs';
import { EXIT, processIo, type CliIo } from './io.js';
import { USAGE } from './usage.js';
import { exitCodeOf } from './exit-code.js';
import { UsageError } from './usage-error.js';

type Command = (argv: string[], io: CliIo) => Promise<number>;

// Each takes its own `-h/--help` (docker's is docker's), so `drydock help X` is `drydock X --help`.
// Each command's module is imported when that command runs and not before (`drydock docker ps` must not load
// the scenario parser, ajv or handlebars): a new command is one line of the same form,
//   name: async () => (await import('./name-command.js')).nameCommand,
// a typed dynamic import that tsc checks and esbuild splits into its own chunk.
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run-command.js')).runCommand,
  validate: async () => (await import('./validate-command.js')).validateCommand,
  schema: async () => (await import('./schema-command.js')).schemaCommand,
  docker: async () => (await import('./docker-command.js')).dockerCommand,
  clean: async () => (await import('./clean-command.js')).cleanCommand,
  compare: async () => (await import('./compare-command.js')).compareCommand,
  grade: async () => (await import('./grade-command.js')).gradeCommand,
  claims: async () => (await import('./claims-command.js')).claimsCommand,
  export: async () => (await import('./export-command.js')).exportCommand,
  autograde: async () => (await import('./autograde-command.js')).autogradeCommand,
  init: async () => (await import('./init-command.js')).initCommand,
  verify: async () => (await import('./verify-command.js')).verifyCommand,
  check: async () => (await import('./check-command.js')).checkCommand,
  playground: async () => (await import('./playground-command.js')).playgroundCommand,
  daemon: async () => (await import('./daemon-command.js')).daemonCommand,
};

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

async function lookup(name: string): Promise<Command> {
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load !== undefined) return load();
  const { didYouMean } = await import('../scenario/suggest.js');
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
      if (command === 'help' && rest[0] !== undefined) return (await lookup(rest[0]))(['--help'], io);
      io.stdout(USAGE);
      return EXIT.ok;
    default:
      if (command.startsWith('-')) throw new UsageError(`unknown option ${command} (options go after the command)`);
      return (await lookup(command))(rest, io);
  }
}

/** Runs the drydock command line `argv` (without the program name); resolves with the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  return exitCodeOf(() => dispatch(argv, io), io);
}
