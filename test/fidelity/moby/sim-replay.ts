// Runs a moby case on a fresh simulator and compares each step with what the real engine printed, after the
// project's normalisation (IDs, times, names, host paths, table widths), one paired normaliser per case.

import type { CommandResult } from '../../../src/engine/engine.js';
import { rootfsEntries } from '../../../src/tar/rootfs-manifest.js';
import { writeTar } from '../../../src/tar/tar.js';
import { runDockerCommand } from '../../../src/engine/sim/cli/sim-cli.js';
import { busyboxStandIn } from '../../../src/engine/sim/image/base-image.js';
import { loadFixtures } from '../../../src/engine/sim/node/load-fixtures.js';
import { PairedNormalizer } from '../../../src/runner/normalize/normalize-output.js';
import { compareResult, type Comparison } from '../compare.js';
import { textDiff } from '../text-diff.js';
import { HOSTDIR, Sandbox } from '../sandbox.js';
import { tarListing } from './tar-listing.js';
import { CASE_BASE, CASE_BASE_CMD, expand, type LoadedCase, type RecordedStep } from './case-file.js';

/** One step of a replay: what ran and how it compared. */
export interface ReplayedStep {
  ran: string;
  comparison: Comparison;
}

/** The simulator's side of a case, run step by step. */
export async function runCaseOnSim(c: LoadedCase): Promise<CommandResult[]> {
  const box = new Sandbox();
  // made as on the real engine: the base rootfs imported with busybox's CMD (the simulator's busybox stand-in
  // has the real binary's size)
  const manifest = loadFixtures().rootfs;
  const tar = writeTar(rootfsEntries(manifest, busyboxStandIn(manifest)));
  const made = runDockerCommand(box.engine.daemon, ['import', '--change', CASE_BASE_CMD, '-', CASE_BASE], { stdin: tar, cwd: HOSTDIR, env: new Map() });
  if (made.exitCode !== 0) throw new Error(`import of ${CASE_BASE} failed: ${made.stderr}`);
  for (const [path, content] of Object.entries(c.spec.files ?? {})) box.writeFile(`${HOSTDIR}/${path}`, content);
  const results: CommandResult[] = [];
  for (const step of c.spec.steps) {
    const stdin = step.stdinFrom !== undefined ? latin1Bytes(results[step.stdinFrom]!.stdout) : new TextEncoder().encode(step.stdin ?? '');
    if (step.docker) {
      const argv = step.docker.map((a) => expand(a, c.prefix, HOSTDIR, results.map((r) => r.stdout)));
      if (process.env.DRYDOCK_MOBY_TRACE) console.error(`  sim: docker ${argv.join(' ')}`);
      // a build on the real engine takes seconds (a container per RUN): the replay's clock moves on by one
      // before each, as the recording's did, so two builds do not make their files within one second
      if (argv[0] === 'build') box.engine.daemon.clock.advance(1000);
      results.push(runDockerCommand(box.engine.daemon, argv, { stdin, cwd: HOSTDIR, env: new Map(Object.entries(step.env ?? {})) }));
    } else if (step.tar) {
      results.push(tarListing(latin1Bytes(results[step.tar.step]!.stdout), step.tar, results.map((r) => r.stdout)));
    } else {
      results.push(await box.sh(expand(step.host!, c.prefix, HOSTDIR, results.map((r) => r.stdout))));
    }
  }
  return results;
}

/** Compares the simulator's results with the recording, step by step. */
export function compareCase(c: LoadedCase, actual: readonly CommandResult[], recorded: readonly RecordedStep[] = c.spec.recorded ?? []): ReplayedStep[] {
  const normalizer = new PairedNormalizer({ actual: { hostRoots: [HOSTDIR] } });
  return c.spec.steps.map((step, i) => {
    const outs = actual.map((r) => r.stdout);
    const argv = step.docker?.map((a) => expand(a, c.prefix, HOSTDIR, outs)) ?? [];
    const exp = recorded[i]!;
    const act = actual[i]!;
    const skipStdout = step.binary === true || step.stdoutVaries !== undefined;
    const expected = skipStdout ? { ...exp, stdout: '' } : exp;
    const result = skipStdout ? { ...act, stdout: '' } : act;
    const comparison = compareResult(expected, result, normalizer, { expected: { argv }, actual: { argv } });
    const ran = step.docker ? `docker ${argv.join(' ')}` : step.tar ? `(tar listing of step ${step.tar.step})` : expand(step.host!, c.prefix, HOSTDIR, outs);
    return { ran, comparison };
  });
}

/** A readable account of the first differing step (a diff of each differing stream), or null when all matched. */
export function firstDifference(steps: readonly ReplayedStep[]): string | null {
  const at = steps.findIndex((s) => !s.comparison.equal);
  if (at < 0) return null;
  const { ran, comparison: { expected, actual } } = steps[at]!;
  const parts = [`step ${at}: ${ran}`];
  if (expected.exitCode !== null && expected.exitCode !== actual.exitCode) parts.push(`exit code: real 20.10 ${expected.exitCode}, simulator ${actual.exitCode}`);
  for (const stream of ['stdout', 'stderr'] as const) {
    if (expected[stream] !== actual[stream]) parts.push(textDiff(expected[stream], actual[stream], stream));
  }
  return `${parts.join('\n')}\n(- real 20.10, + simulator)`;
}

function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}
