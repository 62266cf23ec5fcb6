// Just enough of the docker CLI's own argument grammar (cobra + pflag) to find the subcommand and the options
// before the first operand, so the policy can see `--network` and insert flags where docker reads them, and never
// mistakes a container command's own arguments (`docker run img echo --network host`) for docker's.

/** The subcommand words ("run", "volume create") and where their arguments start. */
export interface CommandPosition {
  words: string[];
  /** index in argv of the first argument after the command words */
  start: number;
}

/** One option as written: name with dashes ("--network", "-v"), its value, and the argv slots it uses. */
export interface ScannedOption {
  name: string;
  value?: string;
  index: number;
}

/** Options up to the first operand. */
export interface ScanResult {
  options: ScannedOption[];
  /** index of the first operand (image, context, container…); argv.length when there is none */
  operandIndex: number;
}

// docker's global flags that take a value (20.10 `docker --help`)
const GLOBAL_WITH_VALUE = new Set(['--config', '-c', '--context', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);

// commands that group subcommands (`docker volume create`)
const MANAGEMENT = new Set([
  'builder',
  'config',
  'container',
  'context',
  'image',
  'manifest',
  'network',
  'node',
  'plugin',
  'secret',
  'service',
  'stack',
  'swarm',
  'system',
  'trust',
  'volume',
]);

/** Finds the subcommand after docker's global options; null for a bare `docker` or only global flags. */
export function findCommand(argv: readonly string[]): CommandPosition | null {
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-') {
    const token = argv[i]!;
    i += GLOBAL_WITH_VALUE.has(token) ? 2 : 1;
  }
  if (i >= argv.length) return null;
  const first = argv[i]!;
  if (MANAGEMENT.has(first) && i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) {
    return { words: [first, argv[i + 1]!], start: i + 2 };
  }
  return { words: [first], start: i + 1 };
}

/**
 * Reads options from `start` up to the first operand, the way pflag does with interspersed flags turned off
 * (docker run/create/build stop at the image or context). `booleans` lists long boolean flags, `shortBooleans`
 * the one-letter ones; every other flag takes a value.
 */
export function scanOptions(
  argv: readonly string[],
  start: number,
  booleans: ReadonlySet<string>,
  shortBooleans: string,
): ScanResult {
  const options: ScannedOption[] = [];
  let i = start;
  while (i < argv.length) {
    const token = argv[i]!;
    if (token === '--') return { options, operandIndex: i + 1 };
    if (token.startsWith('--')) {
      const equals = token.indexOf('=');
      if (equals !== -1) options.push({ name: token.slice(0, equals), value: token.slice(equals + 1), index: i });
      else if (booleans.has(token)) options.push({ name: token, index: i });
      else {
        options.push({ name: token, value: argv[i + 1] ?? '', index: i });
        i++;
      }
      i++;
      continue;
    }
    if (token.startsWith('-') && token.length > 1) {
      // a cluster like -dit, or -p8080:80 / -e=X where the rest is the value
      let consumedNext = false;
      for (let j = 1; j < token.length; j++) {
        const letter = token[j]!;
        if (shortBooleans.includes(letter)) {
          options.push({ name: `-${letter}`, index: i });
          continue;
        }
        const rest = token.slice(j + 1);
        if (rest !== '') options.push({ name: `-${letter}`, value: rest.startsWith('=') ? rest.slice(1) : rest, index: i });
        else {
          options.push({ name: `-${letter}`, value: argv[i + 1] ?? '', index: i });
          consumedNext = true;
        }
        break;
      }
      i += consumedNext ? 2 : 1;
      continue;
    }
    return { options, operandIndex: i };
  }
  return { options, operandIndex: argv.length };
}

/** Long boolean flags of `docker run` and `docker create` (20.10). */
export const RUN_BOOLEANS: ReadonlySet<string> = new Set([
  '--detach',
  '--disable-content-trust',
  '--help',
  '--init',
  '--interactive',
  '--no-healthcheck',
  '--oom-kill-disable',
  '--privileged',
  '--publish-all',
  '--read-only',
  '--rm',
  '--sig-proxy',
  '--tty',
]);

/** One-letter boolean flags of `docker run` and `docker create`. */
export const RUN_SHORT_BOOLEANS = 'ditP';

/** Long boolean flags of `docker build` (20.10, legacy builder). */
export const BUILD_BOOLEANS: ReadonlySet<string> = new Set([
  '--compress',
  '--disable-content-trust',
  '--force-rm',
  '--help',
  '--no-cache',
  '--pull',
  '--quiet',
  '--rm',
  '--squash',
  '--stream',
]);

/** One-letter boolean flags of `docker build`. */
export const BUILD_SHORT_BOOLEANS = 'q';
