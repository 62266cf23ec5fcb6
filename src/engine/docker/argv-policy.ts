// The real engine's safety rules, applied to every command line before it reaches the daemon: containers never
// get a network and never pull, nothing creates networks, and what a scenario creates carries drydock's labels
// so dispose() can find it (and never anything else) afterwards.

import { EngineError } from '../../errors/engine-error.js';
import { findEntry, parseDockerArgv, ROOT_ENTRIES, type ClientEnv, type ParsedCommand } from '../../docker-cli/index.js';

/** Labels to put on everything a command creates (label name → value). */
export interface ArgvPolicyOptions {
  labels: Readonly<Record<string, string>>;
  /** the client's environment, which `-e NAME` and `--build-arg NAME` read (default: this process's) */
  env?: ClientEnv;
}

// commands that would give something a network or reach a registry on its own
const REFUSED: Record<string, string> = {
  'network create': 'drydock creates no networks',
  'network connect': 'containers run without a network (--network none)',
  'swarm init': 'swarm mode creates networks',
  'swarm join': 'swarm mode creates networks',
  'plugin install': 'plugins come from a registry',
  'plugin upgrade': 'plugins come from a registry',
  pull: 'no registry may be contacted',
  push: 'no registry may be contacted',
  login: 'no registry may be contacted',
  search: 'no registry may be contacted',
};

/** The command docker-cli's parser reads in `argv`, or null when docker itself stops at parse time. */
function parsedForPolicy(argv: readonly string[], env: ClientEnv = process.env): ParsedCommand | null {
  const parsed = parseDockerArgv(argv, { env });
  return parsed.ok ? parsed.command : null;
}

/**
 * Returns the argv to run instead: `run`/`create` get `--network none`, `--pull never` and the labels;
 * `build` gets `--network none` (no labels: see below); `volume create` and `import` get the labels. Throws
 * POLICY_REFUSED for another network, another pull policy, or a command in REFUSED. The command line is read
 * by docker-cli's parser, so every spelling docker accepts gets the same verdict; a line docker would reject
 * at parse time is returned as it is (docker prints its usage error and runs nothing).
 */
export function applyArgvPolicy(argv: readonly string[], options: ArgvPolicyOptions): string[] {
  const command = parsedForPolicy(argv, options.env);
  if (command === null) return [...argv];
  const name = command.name;
  const reason = REFUSED[name];
  if (reason !== undefined) throw new EngineError('POLICY_REFUSED', `refusing docker ${name}: ${reason}`);
  if (isWholeGroup(command)) {
    // service, stack, builder, buildx, compose…: their flags are not in the table, so nothing could be checked
    throw new EngineError('POLICY_REFUSED', `refusing docker ${command.typed.join(' ')}: drydock cannot check this command's flags on a real engine`);
  }
  const labels = Object.entries(options.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
  const start = command.positions.commandEnd;
  switch (name) {
    case 'run':
    case 'create': {
      const added = [...networkFlags(command), ...pullFlags(command), ...labels];
      return insertAt(argv, start, added);
    }
    case 'build':
      // No --label here: the legacy builder turns each label into an extra step ("Step 5/6 : LABEL …") and
      // history row, which would make every build differ from Docker's own output. Built images are tracked
      // by the engine instead (see DockerEngine.track).
      return insertAt(argv, start, networkFlags(command));
    case 'volume create':
      return insertAt(argv, start, labels);
    case 'import': {
      const changes = Object.entries(options.labels).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
      return changes.length === 0 ? [...argv] : insertAt(argv, start, ['--change', `LABEL ${changes.join(' ')}`]);
    }
    default:
      return [...argv];
  }
}

// a group refused before any parsing (`docker service …`): the parse gives its words and no flag table
function isWholeGroup(command: ParsedCommand): boolean {
  return findEntry(ROOT_ENTRIES, command.typed[0] ?? '')?.kind === 'refused';
}

// none already asked for: nothing to add; anything else is refused rather than silently changed
function networkFlags(command: ParsedCommand): string[] {
  if (!command.flagsSet.has('network')) return ['--network', 'none'];
  const given = command.positions.occurrences.filter((o) => o.name === 'network' || o.name === 'net');
  const other = given.find((o) => o.value !== 'none');
  if (other !== undefined) {
    throw new EngineError('POLICY_REFUSED', `refusing --${other.name} ${other.value}: on a real engine drydock runs every container with --network none`);
  }
  return [];
}

function pullFlags(command: ParsedCommand): string[] {
  if (!command.flagsSet.has('pull')) return ['--pull', 'never'];
  const other = command.positions.occurrences.find((o) => o.name === 'pull' && o.value !== 'never');
  if (other !== undefined) throw new EngineError('POLICY_REFUSED', `refusing --pull ${other.value}: no registry may be contacted (--pull never)`);
  return [];
}

function insertAt(argv: readonly string[], index: number, added: readonly string[]): string[] {
  return [...argv.slice(0, index), ...added, ...argv.slice(index)];
}
