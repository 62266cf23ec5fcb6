// A ported moby test: the docker command lines of one test function of moby's integration tests, adapted to
// run offline on drydock's base image, with what the real 20.10 engine printed for each. Both the recorder
// (real engine) and the replay (simulator) read cases through here, so the safety rules of the shared engine
// (no network, no pull, names under the case's prefix) are checked before anything runs.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TarListingSpec } from './tar-listing.js';

/** The corpus folder (test/fidelity/moby). */
export const MOBY_DIR = dirname(fileURLToPath(import.meta.url));
/** Where the case files are, one folder per area. */
export const CASES_DIR = join(MOBY_DIR, 'cases');

/**
 * The base image of every case, on both engines: moby's tests use `busybox`; here it is drydock's busybox-static
 * rootfs imported without labels, with CMD sh (the real engine's drydock/busybox:1.35 carries drydock's bookkeeping labels,
 * which every container made from it would show in inspect).
 */
export const CASE_BASE = 'mobybox:latest';
/** moby's busybox runs `sh` when no command is given; its tests rely on that (`docker run -d busybox`). */
export const CASE_BASE_CMD = 'CMD ["sh"]';

/** One docker command line (or a host shell line) of a case. */
export interface CaseStep {
  /** docker's argv; `$P` is the case's name prefix, `$D` its host folder, `$OUT{n}` step n's stdout (an ID) */
  docker?: string[];
  /** a /bin/sh line on the host, in the case's folder (keep it to cat, ls -1, test: the hosts' tools differ) */
  host?: string;
  /** the members of the archive an earlier step printed, listed by the project's tar reader (tar-listing.ts) */
  tar?: TarListingSpec;
  /** text given on stdin */
  stdin?: string;
  /** variables added to the docker client's environment (moby's `-e NAME` tests, which read the client's) */
  env?: Record<string, string>;
  /** the stdout of an earlier step (by index) given on stdin, as bytes (export → import, save → load) */
  stdinFrom?: number;
  /** stdout is an archive: it is kept for stdinFrom but only stderr and the exit code are compared */
  binary?: boolean;
  /** why this step's stdout is not compared: the real engine's own output varies from run to run */
  stdoutVaries?: string;
}

/** What one step printed on the real engine. */
export interface RecordedStep {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A case file. */
export interface MobyCase {
  /** `<moby file>:<test function>` */
  moby: string;
  /** how the case differs from moby's test, when it does */
  note?: string;
  /** files written into the case's host folder before the first step */
  files?: Record<string, string>;
  steps: CaseStep[];
  /** a difference the simulator does not model: the replay checks it is still there (see NOT-MODELLED.md) */
  knownDifference?: string;
  recorded?: RecordedStep[];
}

/** A case as loaded: its file, id and name prefix. */
export interface LoadedCase {
  path: string;
  /** path under cases/ without .json, e.g. commit/TestCommitAfterContainerIsDone */
  id: string;
  /** the prefix `$P` stands for: short, lower case, the same on every machine */
  prefix: string;
  spec: MobyCase;
}

/** Every case file under cases/, sorted by id. */
export function loadCases(dir = CASES_DIR): LoadedCase[] {
  const out: LoadedCase[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) out.push(loadCase(path, dir));
    }
  };
  walk(dir);
  return out;
}

/** One case file, checked. */
export function loadCase(path: string, dir = CASES_DIR): LoadedCase {
  const spec = JSON.parse(readFileSync(path, 'utf8')) as MobyCase;
  const id = relative(dir, path).replace(/\.json$/, '');
  const prefix = `mb${createHash('sha1').update(id).digest('hex').slice(0, 6)}`;
  const problems = checkCase(spec);
  if (problems.length > 0) throw new Error(`${path}: ${problems.join('; ')}`);
  return { path, id, prefix, spec };
}

const CONTAINER_MAKERS = new Set(['run', 'create', 'container run', 'container create']);
const FORBIDDEN = new Set(['pull', 'push', 'login', 'logout', 'search', 'network', 'system', 'swarm', 'service', 'plugin', 'image pull', 'image push', 'image prune', 'container prune', 'volume prune']);

/** The rules of the shared engine, as problems (empty when the case may run). */
export function checkCase(spec: MobyCase): string[] {
  const problems: string[] = [];
  if (!/^integration(-cli)?\/\S+_test\.go:Test\w+$/.test(spec.moby ?? '')) problems.push('"moby" must be <file>:<TestName>');
  if (!Array.isArray(spec.steps) || spec.steps.length === 0) problems.push('no steps');
  spec.steps?.forEach((step, i) => {
    if ([step.docker, step.host, step.tar].filter((x) => x !== undefined).length !== 1) problems.push(`step ${i}: one of docker, host or tar`);
    if (step.tar && !(step.tar.step >= 0 && step.tar.step < i && spec.steps[step.tar.step]?.binary)) problems.push(`step ${i}: tar must name an earlier binary step`);
    if (step.stdinFrom !== undefined && !(step.stdinFrom >= 0 && step.stdinFrom < i)) problems.push(`step ${i}: stdinFrom must name an earlier step`);
    const argv = step.docker;
    if (!argv) return;
    const words = argv.filter((a) => !a.startsWith('-'));
    const path = ['container', 'image', 'volume', 'network', 'system', 'plugin'].includes(words[0] ?? '') ? `${words[0]} ${words[1]}` : (words[0] ?? '');
    if (FORBIDDEN.has(path) || FORBIDDEN.has(words[0] ?? '')) problems.push(`step ${i}: docker ${path} is not run on the shared engine`);
    if (CONTAINER_MAKERS.has(path)) {
      if (!hasPair(argv, '--network', 'none')) problems.push(`step ${i}: ${path} needs --network none`);
      if (!hasPair(argv, '--pull', 'never')) problems.push(`step ${i}: ${path} needs --pull never`);
      if (!argv.some((a, k) => (a === '--name' && argv[k + 1]?.startsWith('$P')) || a.startsWith('--name=$P'))) problems.push(`step ${i}: ${path} needs --name $P…`);
    }
    if ((path === 'build' || path === 'image build') && !hasPair(argv, '--network', 'none')) problems.push(`step ${i}: build needs --network none`);
  });
  if (spec.recorded !== undefined && spec.recorded.length !== spec.steps?.length) problems.push('recorded has not one entry per step');
  return problems;
}

function hasPair(argv: readonly string[], flag: string, value: string): boolean {
  return argv.some((a, k) => (a === flag && argv[k + 1] === value) || a === `${flag}=${value}`);
}

/** A step's argv or host line with `$P`, `$D` and `$OUT{n}` (step n's stdout, trimmed) filled in. */
export function expand(text: string, prefix: string, dir: string, outs: readonly string[] = []): string {
  return text
    .replace(/\$OUT\{(\d+)\}/g, (_, n: string) => (outs[Number(n)] ?? '').trim())
    .replaceAll('$P', prefix)
    .replaceAll('$D', dir);
}
