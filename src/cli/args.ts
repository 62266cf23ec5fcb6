// Command-line options of `drydock run` and `drydock validate`, parsed with node:util's parseArgs, and the
// usage text. A usage error is a message for exit code 2, never a stack trace.

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { didYouMean } from '../scenario/suggest.js';

/** The options of `drydock run`. */
export interface RunArgs {
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

/** The usage text. */
export const USAGE = `Usage: drydock <command> [options]

Commands:
  run [paths…]        run scenarios (files, folders, globs; default scenarios/)
  validate [paths…]   check scenarios without running them
  schema              print the scenario JSON Schema
  docker <args…>      run one docker command on the simulator's saved state
  clean [--all]       remove what killed real-engine runs left (by drydock's labels and name prefixes)
  compare SCRIPT      run a shell script with \`docker\` on the simulator and on the real engine; diff them
  grade EXERCISE SUBMISSIONS…  grade students' submissions (see \`drydock grade --help\`)
  claims [paths…]     run the notes' claim scenarios and write reports/claims.{html,json}

Options of run:
  -j, --jobs N        scenarios run at once (default: the number of CPUs)
  -g, --grep REGEX    only scenarios whose name or file matches
  -t, --tag TAG       only scenarios with this tag (repeat or comma-separate for several)
      --bail          stop starting scenarios after the first failure
      --shard I/N     run the I-th of N slices of the scenarios
  -w, --watch         run again when a scenario file changes
  -r, --reporter LIST spec, json, junit, html (comma-separated; default spec)
  -o, --out DIR       where json and junit reports go (default reports/)
      --engine NAME   sim (default), docker (a real engine through the docker CLI; DOCKER_HOST applies)
                      or both (each scenario on both, every step and check compared)
      --context NAME  the docker context to use with --engine docker|both
      --trusted       let scenarios use --privileged, --pid=host, devices, capabilities and host
                      bind mounts without declaring them in \`needs:\`

Exit codes: 0 all passed, 1 a scenario failed, 2 bad input or usage.
`;

const RUN_OPTIONS = ['jobs', 'grep', 'tag', 'bail', 'shard', 'watch', 'reporter', 'out', 'engine', 'context', 'trusted'];

/** A usage error (exit code 2). */
export class UsageError extends Error {}

function list(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** Parses the arguments after `run` (or `validate`). */
export function parseRunArgs(argv: readonly string[]): RunArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
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
      },
    });
  } catch (e) {
    const unknown = /Unknown option '([^']+)'/.exec((e as Error).message);
    if (!unknown) throw new UsageError((e as Error).message);
    const hint = didYouMean((unknown[1] as string).replace(/^-+/, ''), RUN_OPTIONS, (s) => `--${s}`);
    throw new UsageError(`unknown option ${unknown[1]}${hint ? `; ${hint}` : ''}`);
  }
  const v = parsed.values;
  let jobs = availableParallelism();
  if (v.jobs !== undefined) {
    if (!/^\d+$/.test(v.jobs) || Number(v.jobs) < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not ${JSON.stringify(v.jobs)}`);
    jobs = Number(v.jobs);
  }
  const args: RunArgs = {
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['scenarios'],
    jobs,
    tags: list(v.tag),
    bail: v.bail === true,
    watch: v.watch === true,
    reporters: v.reporter ? list(v.reporter) : ['spec'],
    out: v.out ?? 'reports',
    engine: v.engine ?? 'sim',
    trusted: v.trusted === true,
  };
  if (v.context !== undefined) args.context = v.context;
  if (v.grep !== undefined) args.grep = v.grep;
  if (v.shard !== undefined) args.shard = v.shard;
  return args;
}
