// Compares one transcript's recorded output with the simulator's, after normalising both together with the
// session's paired normaliser (so IDs must refer to the same objects in the same places). Elision markers of the
// reference (`... (steps 1-122 omitted)`) stand for one or more lines; the lines they stand for are cut from
// the simulator's output before normalising, so they do not shift the placeholders.

import type { CommandResult } from '../../src/engine/engine.js';
import type { OutputContext, PairedNormalizer } from '../../src/runner/normalize/normalize-output.js';

/** One side of a comparison, normalised. */
export interface Observed {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

/** The result of comparing one command. */
export interface Comparison {
  expected: Observed;
  actual: Observed;
  equal: boolean;
}

const ELISION = /^(\.\.\. \(.*\)|\(… .* …\)|… \(.*\) …)$/;

/** Cuts the lines an elision marker stands for out of `actual` (null when actual is too short to match). */
export function applyElision(expected: string, actual: string): string | null {
  const exp = expected.split('\n');
  const at = exp.findIndex((l) => ELISION.test(l));
  if (at < 0) return actual;
  const head = exp.slice(0, at);
  const tail = exp.slice(at + 1);
  const act = actual.split('\n');
  if (act.length < head.length + tail.length + 1) return null;
  return [...act.slice(0, head.length), exp[at]!, ...act.slice(act.length - tail.length)].join('\n');
}

/** Normalises and compares stdout, stderr and the exit code (when the transcript shows one). */
export function compareResult(
  expected: { stdout: string; stderr: string; exitCode: number | null },
  actual: CommandResult,
  normalizer: PairedNormalizer,
  context: { expected: OutputContext; actual: OutputContext },
): Comparison {
  const side = (exp: string, act: string): [string, string] => {
    const cut = applyElision(exp, act);
    const pair = normalizer.normalizePair(exp, cut ?? act, context);
    return [pair.expected, cut === null ? `(shorter than the elided transcript)\n${pair.actual}` : pair.actual];
  };
  const [eOut, aOut] = side(expected.stdout, actual.stdout);
  const [eErr, aErr] = side(expected.stderr, actual.stderr);
  const exp: Observed = { stdout: eOut, stderr: eErr, exitCode: expected.exitCode };
  const act: Observed = { stdout: aOut, stderr: aErr, exitCode: actual.exitCode };
  const equal = eOut === aOut && eErr === aErr && (expected.exitCode === null || expected.exitCode === actual.exitCode);
  return { expected: exp, actual: act, equal };
}

/** Sizes that depend on the base image's rootfs, in the reference and in the simulator. */
export interface FixtureSizes {
  /** pairs of human sizes (reference → simulator): the imported base layer, the `--install` layer */
  human: Array<[string, string]>;
  /** simulator bytes − reference bytes for images built on cv-bb:1 (`Size`, `VirtualSize` in inspect) */
  byteDelta: number;
}

const SIZE_TOKEN = /\b\d+(?:\.\d+)?(?:B|kB|MB|GB)\b|(?<="(?:Virtual)?Size": ?)\d+/g;

/**
 * True when two normalised outputs differ only in sizes that come from the fixture's busybox rootfs: every
 * other character is equal and each differing size is one of the known fixture pairs.
 */
export function differsOnlyInFixtureSizes(expected: string, actual: string, sizes: FixtureSizes): boolean {
  const e = splitSizes(expected);
  const a = splitSizes(actual);
  if (e.text !== a.text || e.sizes.length !== a.sizes.length) return false;
  let differs = false;
  for (let i = 0; i < e.sizes.length; i++) {
    const [x, y] = [e.sizes[i]!, a.sizes[i]!];
    if (x === y) continue;
    differs = true;
    const human = sizes.human.some(([r, s]) => r === x && s === y);
    const bytes = /^\d+$/.test(x) && /^\d+$/.test(y) && Number(y) - Number(x) === sizes.byteDelta;
    if (!human && !bytes) return false;
  }
  return differs;
}

function splitSizes(text: string): { text: string; sizes: string[] } {
  const sizes: string[] = [];
  return { text: text.replace(SIZE_TOKEN, (s) => (sizes.push(s), '<SIZE>')), sizes };
}

/** Top-level directories drydock/busybox:1.35 has and the reference's imported busybox rootfs has not. */
export const SIM_ONLY_ROOT_DIRS: readonly string[] = ['sbin', 'usr'];

/**
 * True when the simulator's output equals the reference's but for `ls /` entries of directories only the
 * simulator's base image has (whole lines `sbin`, `usr`).
 */
export function differsOnlyInRootLayout(expected: string, actual: string): boolean {
  const e = expected.split('\n');
  if (e.some((l) => SIM_ONLY_ROOT_DIRS.includes(l))) return false;
  const a = actual.split('\n');
  const kept = a.filter((l) => !SIM_ONLY_ROOT_DIRS.includes(l));
  return kept.length < a.length && kept.join('\n') === expected;
}
