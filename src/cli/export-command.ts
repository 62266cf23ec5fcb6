// `drydock export <platform> <exercise> --out PATH`: packages an exercise for a course platform (Gradescope,
// PrairieLearn, GitHub Classroom), with this drydock version inside it, so the platform grades each
// submission as it arrives on drydock's simulator (the platforms' graders have no Docker engine).

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { drydockTarball } from '../export/drydock-tarball.js';
import { writeExportDir, zipExport, type ExportFile } from '../export/export-files.js';
import { loadExerciseSource } from '../export/exercise-source.js';
import { classroomFiles } from '../export/github-classroom-export.js';
import { gradescopeFiles } from '../export/gradescope-export.js';
import { PLATFORMS, type Platform } from '../export/platform-results.js';
import { prairieLearnFiles } from '../export/prairielearn-export.js';
import { EXIT, type CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** `drydock export --help`. */
const EXPORT_USAGE = `Usage: drydock export <platform> <exercise> --out PATH [options]

Packages an exercise for a course platform, with this drydock inside (an npm tarball its setup installs), so
the platform grades each submission on drydock's simulator: no Docker engine is needed where it grades.

Platforms:
  gradescope          PATH is a zip to upload as the assignment's autograder (setup.sh, run_autograder)
  prairielearn        PATH is a folder: question/ (copy into your course's questions/) and grader-image/
                      (the Dockerfile of the grader image, to build and push)
  github-classroom    PATH is a folder: the starter repository (submission/commands.sh for the student,
                      .github/workflows/classroom.yml that grades each push and reports the points)

Arguments:
  <exercise>          an exercise.yaml, or the folder holding one (its submissions/reference/ tells which
                      files a student writes)

Options:
  -o, --out PATH      where the export goes (required)
      --image NAME    prairielearn: the grader image's name in info.json (default drydock/grader:<version>)
  -h, --help          show this help

Examples:
  drydock export gradescope scenarios/exercises/cmd-vs-entrypoint --out autograder.zip
  drydock export prairielearn my-exercise --out pl --image ghcr.io/me/drydock-grader:0.1.0
  drydock export github-classroom my-exercise --out starter-repo

Details: docs/platforms.md. Exit codes: 0 written, 2 bad usage or exercise.
`;

const EXPORT_OPTIONS = {
  out: { type: 'string', short: 'o' },
  image: { type: 'string' },
} as const;

/** Runs `drydock export`; returns the exit code. */
export async function exportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('export', argv, EXPORT_OPTIONS, { maxPositionals: 2 });
  if (parsed.help) {
    io.stdout(EXPORT_USAGE);
    return EXIT.ok;
  }
  const [platform, exercisePath] = parsed.positionals;
  if (platform === undefined || exercisePath === undefined) throw new UsageError('needs a platform and an exercise', 'export');
  if (!(PLATFORMS as readonly string[]).includes(platform)) throw new UsageError(`the platform must be one of ${PLATFORMS.join(', ')}, not ${JSON.stringify(platform)}`, 'export');
  const out = parsed.values.out;
  if (out === undefined) throw new UsageError('needs --out PATH (where the export goes)', 'export');
  const loaded = await loadExerciseSource(resolve(io.cwd, exercisePath), exercisePath);
  if (!loaded.ok) {
    io.stderr(`${loaded.message}\n`);
    return EXIT.usage;
  }
  const { source } = loaded;
  let tarball;
  try {
    tarball = await drydockTarball();
  } catch (e) {
    io.stderr(`drydock export: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
  const input = { exerciseYaml: source.yaml, title: source.exercise.title, tarball, studentFiles: source.studentFiles, ...(source.exercise.scenario.description ? { description: source.exercise.scenario.description } : {}) };
  const target = resolve(io.cwd, out);
  let files: ExportFile[];
  switch (platform as Platform) {
    case 'gradescope':
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, zipExport(gradescopeFiles(input)));
      io.stdout(`drydock export: ${out} (upload it as the autograder of a Gradescope programming assignment; students submit commands.sh${source.studentFiles.length > 1 ? ` and ${source.studentFiles.slice(1).join(', ')}` : ''})\n`);
      return EXIT.ok;
    case 'prairielearn':
      files = prairieLearnFiles({ ...input, image: parsed.values.image ?? `drydock/grader:${tarball.version}` });
      await writeExportDir(target, files);
      io.stdout(`drydock export: ${out}/question/ (copy into your course's questions/), ${out}/grader-image/ (docker build and push it, then set its name in info.json's externalGradingOptions.image)\n`);
      return EXIT.ok;
    case 'github-classroom': {
      files = classroomFiles(input);
      await writeExportDir(target, files);
      const hidden = source.exercise.scenario.checks.filter((c) => (c.visibility ?? 'visible') !== 'visible').length;
      if (hidden > 0) io.stderr(`drydock export: note: ${hidden} check${hidden === 1 ? ' is' : 's are'} not visible, but a student's repository holds the exercise file: nothing in it is secret from the student\n`);
      io.stdout(`drydock export: ${out}/ (push it as the template repository of a GitHub Classroom assignment; students write ${out}/submission/commands.sh)\n`);
      return EXIT.ok;
    }
  }
}
