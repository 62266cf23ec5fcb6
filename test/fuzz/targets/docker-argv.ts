// Docker command lines in every spelling docker accepts (`--f=v`, `--f v`, `-fv`, `-f=v`, combined shorthands,
// repeated flags, `--`, long and short command forms), with hostile values, run on a simulator that holds a few
// objects. The answer may be any error docker gives; a thrown error other than drydock's own is a bug.

import { ROOT_ENTRIES, type CommandNode, type FlagSpec } from '../../../src/docker-cli/index.js';
import { EngineError } from '../../../src/errors/engine-error.js';
import { runDockerCommand } from '../../../src/engine/sim/cli/sim-cli.js';
import { HOSTDIR, Sandbox } from '../../fidelity/sandbox.js';
import type { Rng } from '../../../src/cli/fuzz-diff/rng.js';
import type { FuzzTarget } from '../target.js';
import { hostileWord } from '../values.js';
import { randomTemplate } from './go-template.js';

/** Every command with its words: `run`, `container run`, `image ls`… */
export const COMMANDS: Array<{ words: string[]; node: CommandNode }> = ROOT_ENTRIES.flatMap((entry) => {
  if (entry.kind === 'command') return [{ words: [entry.name], node: entry }];
  if (entry.kind === 'group') {
    return entry.children.flatMap((child) => [child.name, ...child.aliases].map((name) => ({ words: [entry.name, name], node: child })));
  }
  return [];
});

// container commands that end (no sleep, no yes, no reading a stdin that never closes)
const FINITE = [['true'], ['ls', '/'], ['cat', '/etc/hostname'], ['echo', 'x'], ['sh', '-c', 'exit 3'], ['pwd'], ['id'], ['ln', '-s', '/', '/tmp/l']];

function valueFor(rng: Rng, flag: FlagSpec): string {
  if (flag.name === 'format' && rng.chance(0.7)) return randomTemplate(rng);
  if (flag.type === 'bool') return rng.pick(['true', 'false', 'yes', '1', '']);
  return hostileWord(rng);
}

/** One spelling of one flag (one or two words). */
export function spell(rng: Rng, flag: FlagSpec, value: string): string[] {
  const bare = flag.type === 'bool' && rng.chance(0.7);
  const short = flag.short !== undefined && rng.chance(0.5);
  if (bare) return [short ? `-${flag.short}` : `--${flag.name}`];
  if (short) return rng.pick([[`-${flag.short}`, value], [`-${flag.short}${value}`], [`-${flag.short}=${value}`]]);
  return rng.pick([[`--${flag.name}`, value], [`--${flag.name}=${value}`]]);
}

/** A random docker command line. */
export function randomArgv(rng: Rng): string[] {
  if (rng.chance(0.03)) return Array.from({ length: rng.below(4) }, () => hostileWord(rng));
  const { words, node } = rng.pick(COMMANDS);
  const argv = [...words];
  const flags = node.spec.flags.filter((f) => !f.hidden || rng.chance(0.2));
  for (let i = rng.below(5); i > 0 && flags.length > 0; i--) {
    const flag = rng.pick(flags);
    argv.push(...spell(rng, flag, valueFor(rng, flag)));
  }
  if (rng.chance(0.05)) argv.push(rng.pick(['--bogus', '-Z', '--help', '-h']));
  if (rng.chance(0.1)) argv.push('--');
  const run = node.canonical === 'run' || node.canonical === 'create' || node.canonical === 'exec';
  if (run) {
    argv.push(rng.pick(node.canonical === 'exec' ? ['c1', 'c2', hostileWord(rng)] : ['centos', 'ubuntu', hostileWord(rng)]));
    if (rng.chance(0.8)) argv.push(...rng.pick(FINITE));
  } else {
    for (let i = rng.below(4); i > 0; i--) argv.push(rng.chance(0.5) ? rng.pick(['c1', 'c2', 'v1', 'centos', 'c1:/etc/hostname', '-', '/data']) : hostileWord(rng));
  }
  return argv;
}

/** A simulator with a created container c1, an exited c2, a volume v1 and a /data folder on its host. */
function freshSandbox(): Sandbox {
  const box = new Sandbox();
  box.mkdirp('/data');
  box.must(['create', '--name', 'c1', '-v', 'v1:/v', 'centos', 'true']);
  box.must(['run', '--name', 'c2', '-v', '/data:/data', 'centos', 'true']);
  return box;
}

/** Runs argv on the sandbox; only a non-drydock exception escapes. */
export function runOnSandbox(box: Sandbox, argv: readonly string[], stdin: string | Uint8Array = ''): void {
  try {
    const bytes = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
    runDockerCommand(box.engine.daemon, argv, { stdin: bytes, cwd: HOSTDIR, env: new Map() });
  } catch (error) {
    if (error instanceof EngineError) return;
    throw error;
  }
}

/** The docker argv target. */
export function dockerArgvTarget(): FuzzTarget<string[]> {
  let box: Sandbox | undefined;
  return {
    name: 'docker-argv',
    generate: randomArgv,
    run(argv) {
      box ??= freshSandbox();
      runOnSandbox(box, argv);
    },
    show: (argv) => JSON.stringify(argv).slice(0, 600),
    reset() {
      box = undefined;
    },
  };
}

/** `--format` templates on the commands that take them. */
export function goTemplateTarget(): FuzzTarget<string[]> {
  let box: Sandbox | undefined;
  return {
    name: 'go-template',
    generate: (rng) => {
      const template = randomTemplate(rng);
      return rng.pick([
        ['ps', '-a', '--format', template], ['inspect', '--format', template, 'c1'], ['images', '--format', template],
        ['volume', 'ls', '--format', template], ['container', 'inspect', '-f', template, 'c2'], ['history', '--format', template, 'centos'],
        ['volume', 'inspect', '-f', template, 'v1'], ['image', 'inspect', '--format', template, 'centos'], ['info', '-f', template],
      ]);
    },
    run(argv) {
      box ??= freshSandbox();
      runOnSandbox(box, argv);
    },
    show: (argv) => JSON.stringify(argv).slice(0, 600),
    reset() {
      box = undefined;
    },
  };
}

/** Bytes on stdin for the commands that read archives (`load`, `import -`, `cp -`): random, truncated, mutated. */
export function archiveTarget(makeArchive: (rng: Rng) => Uint8Array): FuzzTarget<{ argv: string[]; stdin: Uint8Array }> {
  let box: Sandbox | undefined;
  return {
    name: 'archive',
    generate: (rng) => ({
      argv: rng.pick([['load'], ['import', '-', 'fuzz:1'], ['cp', '-', 'c1:/tmp'], ['cp', '-', 'c2:/'], ['build', '-'], ['load', '-q']]),
      stdin: makeArchive(rng),
    }),
    run(input) {
      box ??= freshSandbox();
      runOnSandbox(box, input.argv, input.stdin);
    },
    show: (input) => `${JSON.stringify(input.argv)} with ${input.stdin.length} bytes: ${Buffer.from(input.stdin.subarray(0, 64)).toString('hex')}…`,
    reset() {
      box = undefined;
    },
  };
}
