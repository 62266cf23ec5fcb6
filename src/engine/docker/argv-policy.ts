// The real engine's safety rules, applied to every command line before it reaches the daemon: containers never
// get a network and never pull, nothing creates networks, and what a scenario creates carries drydock's labels
// so dispose() can find it (and never anything else) afterwards.

import { EngineError } from '../../errors/engine-error.js';
import {
  BUILD_BOOLEANS,
  BUILD_SHORT_BOOLEANS,
  RUN_BOOLEANS,
  RUN_SHORT_BOOLEANS,
  findCommand,
  scanOptions,
  type ScannedOption,
} from './argv-scan.js';

/** Labels to put on everything a command creates (label name → value). */
export interface ArgvPolicyOptions {
  labels: Readonly<Record<string, string>>;
}

// commands that would give something a network or reach a registry on its own
const REFUSED: Record<string, string> = {
  'network create': 'drydock creates no networks',
  'network connect': 'containers run without a network (--network none)',
  'swarm init': 'swarm mode creates networks',
  'swarm join': 'swarm mode creates networks',
  'service create': 'services need swarm networks',
  'stack deploy': 'stacks need swarm networks',
  'plugin install': 'plugins come from a registry',
};

/**
 * Returns the argv to run instead: `run`/`create` get `--network none`, `--pull never` and the labels;
 * `build` gets `--network none` (no labels: see below); `volume create` and `import` get the labels. Throws
 * POLICY_REFUSED for another network, another pull policy, or a command in REFUSED.
 */
export function applyArgvPolicy(argv: readonly string[], options: ArgvPolicyOptions): string[] {
  const command = findCommand(argv);
  if (command === null) return [...argv];
  const name = command.words.join(' ');
  const reason = REFUSED[name];
  if (reason !== undefined) throw new EngineError('POLICY_REFUSED', `refusing docker ${name}: ${reason}`);
  const labels = Object.entries(options.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
  switch (name) {
    case 'run':
    case 'create':
    case 'container run':
    case 'container create': {
      const scanned = scanOptions(argv, command.start, RUN_BOOLEANS, RUN_SHORT_BOOLEANS).options;
      const added = [
        ...networkFlags(scanned, ['--network', '--net']),
        ...pullFlags(scanned),
        ...labels,
      ];
      return insertAt(argv, command.start, added);
    }
    case 'build':
    case 'image build':
    case 'builder build': {
      // No --label here: the legacy builder turns each label into an extra step ("Step 5/6 : LABEL …") and
      // history row, which would make every build differ from Docker's own output. Built images are tracked
      // by the engine instead (see DockerEngine.track).
      const scanned = scanOptions(argv, command.start, BUILD_BOOLEANS, BUILD_SHORT_BOOLEANS).options;
      return insertAt(argv, command.start, networkFlags(scanned, ['--network']));
    }
    case 'volume create':
      return insertAt(argv, command.start, labels);
    case 'import':
    case 'image import': {
      const changes = Object.entries(options.labels).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
      return changes.length === 0 ? [...argv] : insertAt(argv, command.start, ['--change', `LABEL ${changes.join(' ')}`]);
    }
    default:
      return [...argv];
  }
}

// none already asked for: nothing to add; anything else is refused rather than silently changed
function networkFlags(options: readonly ScannedOption[], names: readonly string[]): string[] {
  const given = options.filter((option) => names.includes(option.name));
  const other = given.find((option) => option.value !== 'none');
  if (other !== undefined) {
    throw new EngineError(
      'POLICY_REFUSED',
      `refusing ${other.name} ${other.value ?? ''}: on a real engine drydock runs every container with --network none`,
    );
  }
  return given.length > 0 ? [] : ['--network', 'none'];
}

function pullFlags(options: readonly ScannedOption[]): string[] {
  const given = options.filter((option) => option.name === '--pull');
  const other = given.find((option) => option.value !== 'never');
  if (other !== undefined) {
    throw new EngineError('POLICY_REFUSED', `refusing --pull ${other.value ?? ''}: no registry may be contacted (--pull never)`);
  }
  return given.length > 0 ? [] : ['--pull', 'never'];
}

function insertAt(argv: readonly string[], index: number, added: readonly string[]): string[] {
  return [...argv.slice(0, index), ...added, ...argv.slice(index)];
}
