// `drydock verify [exercises…]`: the exercise still grades as its author meant: the reference submission scores
// full marks and every other folder in submissions/ exactly the score pins.yaml gives it. Run after each change
// to a check (and in a course repository's CI). A command of its own rather than `grade --check`: grade takes
// submissions and writes a gradebook, verify takes exercises, writes nothing, and answers with its exit code.

import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { builtinAssertions } from '../assertions/registry.js';
import { loadExerciseSource, REFERENCE, SUBMISSIONS_DIR, type ExerciseSource } from '../export/exercise-source.js';
import { PINS_FILE, readPins, type Pin } from '../export/pins.js';
import { gradeSubmission } from '../grading/grade-submission.js';
import { simGradingEngine } from '../grading/grading-engines.js';
import { readSubmission } from '../grading/submission.js';
import { EXIT, type CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';

/** `drydock verify --help`. */
const VERIFY_USAGE = `Usage: drydock verify [exercise…]

Grades each exercise's submissions/ on the simulator and checks them against its pins.yaml: the reference
scores full marks, every other submission exactly its pin. A folder of exercises verifies each.

Arguments:
  [exercise…]         exercise.yaml files or their folders, or folders of them (default: .)

Options:
  -h, --help          show this help

pins.yaml (made by drydock init):
  reference: full     # the exercise's whole max score
  missing-tag: 3      # a wrong submission's folder name and its score

Examples:
  drydock verify my-exercise
  drydock verify scenarios/exercises

Exit codes: 0 every submission scored its pin, 1 some did not (or are not pinned), 2 bad usage or exercise.
`;

/** The exercises under the paths: those given, or the sub-folders holding an exercise.yaml. */
async function findExercises(paths: readonly string[], cwd: string): Promise<{ found: string[]; missing: string[] }> {
  const found: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const full = resolve(cwd, p);
    const st = await stat(full).catch(() => undefined);
    if (!st) missing.push(p);
    else if (st.isFile() || (await stat(join(full, 'exercise.yaml')).catch(() => undefined))) found.push(p);
    else {
      const subs = (await readdir(full, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
      const with_ = [];
      for (const s of subs) if (await stat(join(full, s, 'exercise.yaml')).catch(() => undefined)) with_.push(join(p, s));
      if (with_.length === 0) missing.push(p);
      found.push(...with_);
    }
  }
  return { found, missing };
}

/** Verifies one exercise; the lines to print and whether it held. */
async function verifyOne(source: ExerciseSource, shown: string): Promise<{ ok: boolean; lines: string[] }> {
  const lines: string[] = [];
  let ok = true;
  const subsDir = join(source.dir, SUBMISSIONS_DIR);
  const folders = (await readdir(subsDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory() || e.name.endsWith('.sh')).map((e) => e.name).sort();
  const pinsShown = join(shown, PINS_FILE);
  const read = await readPins(join(source.dir, PINS_FILE), pinsShown);
  const pins = new Map<string, Pin>((read?.pins ?? []).map((p) => [p.submission, p]));
  for (const problem of read?.problems ?? []) {
    lines.push(`  ✗ ${problem}`);
    ok = false;
  }
  if (!folders.includes(REFERENCE)) {
    lines.push(`  ✗ no ${SUBMISSIONS_DIR}/${REFERENCE}/: the reference solution that must score full marks`);
    ok = false;
  }
  if (!pins.has(REFERENCE) && folders.includes(REFERENCE)) pins.set(REFERENCE, { submission: REFERENCE, score: 'full', line: 0 });
  const max = source.exercise.maxScore;
  for (const name of folders) {
    const submission = await readSubmission(join(subsDir, name), join(shown, SUBMISSIONS_DIR, name));
    const g = await gradeSubmission(source.exercise, submission, name, '', { createEngine: simGradingEngine, engineName: 'sim', registry: builtinAssertions() });
    const pin = pins.get(name);
    pins.delete(name);
    const want = pin === undefined ? undefined : pin.score === 'full' ? max : pin.score;
    const failed = g.checks.filter((c) => c.status !== 'passed' && !c.skippedByExercise).map((c) => c.title);
    const detail = failed.length > 0 ? `; fails: ${failed.join('; ')}` : '';
    if (g.status !== 'graded') {
      lines.push(`  ✗ ${name}: ${g.status}: ${g.error ?? ''}`);
      ok = false;
    } else if (want === undefined) {
      lines.push(`  ✗ ${name}: ${g.score} / ${max}, but it has no pin in ${pinsShown} (add \`${name}: ${g.score}\` if that is what it must score)${detail}`);
      ok = false;
    } else if (g.score !== want) {
      lines.push(`  ✗ ${name}: ${g.score} / ${max}, pinned ${pin?.score === 'full' ? `full (${max})` : want}${pin && pin.line > 0 ? ` at ${pinsShown}:${pin.line}` : ''}${detail}`);
      ok = false;
    } else lines.push(`  ✓ ${name}: ${g.score} / ${max}`);
  }
  for (const pin of pins.values()) {
    lines.push(`  ✗ ${pinsShown}:${pin.line}: ${pin.submission} is pinned but there is no ${SUBMISSIONS_DIR}/${pin.submission}`);
    ok = false;
  }
  return { ok, lines };
}

/** Runs `drydock verify`; returns the exit code. */
export async function verifyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('verify', argv, {});
  if (parsed.help) {
    io.stdout(VERIFY_USAGE);
    return EXIT.ok;
  }
  const { found, missing } = await findExercises(parsed.positionals.length > 0 ? parsed.positionals : ['.'], io.cwd);
  for (const m of missing) io.stderr(`drydock verify: ${m}: no exercise.yaml there\n`);
  if (missing.length > 0 || found.length === 0) return EXIT.usage;
  let failed = 0;
  for (const p of found) {
    const loaded = await loadExerciseSource(resolve(io.cwd, p), p);
    if (!loaded.ok) {
      io.stderr(`${loaded.message}\n`);
      return EXIT.usage;
    }
    const shown = relative(io.cwd, loaded.source.dir) || '.';
    const { ok, lines } = await verifyOne(loaded.source, shown);
    io.stdout(`${ok ? '✓' : '✗'} ${shown}\n${lines.join('\n')}\n`);
    if (!ok) failed++;
  }
  io.stdout(`drydock verify: ${found.length - failed} of ${found.length} exercise${found.length === 1 ? '' : 's'} as pinned\n`);
  return failed > 0 ? EXIT.failed : EXIT.ok;
}
