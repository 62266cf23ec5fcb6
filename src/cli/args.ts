// Command-line options of `drydock run`, read by the shared parser, and its usage text. A usage error is a
// message for exit code 2, never a stack trace.

import { availableParallelism } from 'node:os';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** The options of `drydock run`. */
export interface RunArgs {
  /** `-h/--help`: print RUN_USAGE and run nothing (the other fields are then the defaults) */
  help: boolean;
  paths: string[];
  jobs: number;
  grep?: string;
  tags: string[];
  bail: boolean;
  shard?: string;
  watch: boolean;
  reporters: string[];
  out: string;
  engine: string;
  /** a docker context for --engine docker|both (DOCKER_HOST applies otherwise) */
  context?: string;
  /** host or run flags refused on a real engine unless a scenario declares `needs:` (default: refused) */
  trusted: boolean;
}

/** `drydock run --help`. */
export const RUN_USAGE = `Usage: drydock run [paths…] [options]

Runs scenarios, each on a fresh simulator state (or on a real engine with --engine), and reports the results.
Every file is checked first: one problem in any file and nothing runs.

Arguments:
  paths…              scenario files, folders (searched for .yaml and .yml) and globs (default scenarios/)

Options:
  -j, --jobs N        scenarios run at once (default: the number of CPUs)
  -g, --grep REGEX    only scenarios whose name or file matches
  -t, --tag TAG       only scenarios with this tag (repeat or comma-separate for several)
      --bail          stop starting scenarios after the first failure
      --shard I/N     run the I-th of N slices of the scenarios
  -w, --watch         run again when a scenario file changes
  -r, --reporter LIST spec, json, junit, html (comma-separated; default spec)
  -o, --out DIR       where json, junit and html reports go (default reports/)
      --engine NAME   sim (default), docker (a real engine through the docker CLI; DOCKER_HOST applies)
                      or both (each scenario on both, every step and check compared)
      --context NAME  the docker context to use with --engine docker|both
      --trusted       let scenarios use --privileged, --pid=host, devices, capabilities and host
                      bind mounts without declaring them in \`needs:\`
  -h, --help          show this help

Examples:
  drydock run scenarios/volumes --reporter spec,junit
  drydock run --engine both --grep volumes-from

Exit codes: 0 all passed, 1 a scenario failed, 2 bad input or usage.
`;

const RUN_OPTIONS = {
  jobs: { type: 'string', short: 'j' },
  grep: { type: 'string', short: 'g' },
  tag: { type: 'string', short: 't', multiple: true },
  bail: { type: 'boolean' },
  shard: { type: 'string' },
  watch: { type: 'boolean', short: 'w' },
  reporter: { type: 'string', short: 'r', multiple: true },
  out: { type: 'string', short: 'o' },
  engine: { type: 'string' },
  context: { type: 'string' },
  trusted: { type: 'boolean' },
} as const;

function list(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

function defaults(): RunArgs {
  return { help: false, paths: ['scenarios'], jobs: availableParallelism(), tags: [], bail: false, watch: false, reporters: ['spec'], out: 'reports', engine: 'sim', trusted: false };
}

/** Parses the arguments after `run`. */
export function parseRunArgs(argv: readonly string[]): RunArgs {
  const parsed = parseCommandArgs('run', argv, RUN_OPTIONS);
  if (parsed.help) return { ...defaults(), help: true };
  const v = parsed.values;
  const args = defaults();
  if (v.jobs !== undefined) {
    if (!/^\d+$/.test(v.jobs) || Number(v.jobs) < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not ${JSON.stringify(v.jobs)}`, 'run');
    args.jobs = Number(v.jobs);
  }
  if (parsed.positionals.length > 0) args.paths = parsed.positionals;
  args.tags = list(v.tag);
  args.bail = v.bail === true;
  args.watch = v.watch === true;
  if (v.reporter) args.reporters = list(v.reporter);
  if (v.out !== undefined) args.out = v.out;
  if (v.engine !== undefined) args.engine = v.engine;
  args.trusted = v.trusted === true;
  if (v.context !== undefined) args.context = v.context;
  if (v.grep !== undefined) args.grep = v.grep;
  if (v.shard !== undefined) args.shard = v.shard;
  return args;
}
