// `drydock autograde <platform> <exercise.yaml> <submission> --results FILE`: what the exported entry scripts
// run on the platform (run_autograder, PrairieLearn's run.sh, the GitHub workflow): grades one submission on
// the simulator and writes the platform's results file, always, whatever fails.

import { resolve } from 'node:path';
import { autogradeToFile } from '../export/autograde.js';
import { PLATFORMS, type Platform } from '../export/platform-results.js';
import { EXIT, type CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** `drydock autograde --help`. */
const AUTOGRADE_USAGE = `Usage: drydock autograde <platform> <exercise.yaml> <submission> --results FILE

Grades one submission on the simulator and writes the results file of a course platform (gradescope,
prairielearn, github-classroom). The scripts \`drydock export\` writes run it on the platform. A results file
is written whatever happens: an exercise that does not load or a submission without commands.sh is a results
file saying so, with no points.

Options:
      --results FILE  where the results go (required)
  -h, --help          show this help

Example:
  drydock autograde gradescope /autograder/source/exercise.yaml /autograder/submission \\
                    --results /autograder/results/results.json

Exit codes: 0 graded (whatever the score), 1 written but not graded (the file says why), 2 bad usage.
`;

/** Runs `drydock autograde`; returns the exit code. */
export async function autogradeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('autograde', argv, { results: { type: 'string' } }, { maxPositionals: 3 });
  if (parsed.help) {
    io.stdout(AUTOGRADE_USAGE);
    return EXIT.ok;
  }
  const [platform, exercise, submission] = parsed.positionals;
  if (platform === undefined || exercise === undefined || submission === undefined) throw new UsageError('needs a platform, an exercise file and a submission folder', 'autograde');
  if (!(PLATFORMS as readonly string[]).includes(platform)) throw new UsageError(`the platform must be one of ${PLATFORMS.join(', ')}, not ${JSON.stringify(platform)}`, 'autograde');
  const results = parsed.values.results;
  if (results === undefined) throw new UsageError('needs --results FILE', 'autograde');
  const outcome = await autogradeToFile(platform as Platform, resolve(io.cwd, exercise), resolve(io.cwd, submission), resolve(io.cwd, results));
  // The platform's own log (Gradescope's stdout, the Actions log): for the teacher, not the student.
  if (outcome.grade) io.stdout(`drydock autograde: ${outcome.grade.status}, ${outcome.grade.score} / ${outcome.grade.maxScore}${outcome.grade.error ? ` (${outcome.grade.error})` : ''}\n`);
  else io.stderr(`drydock autograde: not graded: ${outcome.failure ?? 'unknown'}\n`);
  return outcome.grade ? EXIT.ok : EXIT.failed;
}
