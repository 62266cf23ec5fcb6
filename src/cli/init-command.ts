// `drydock init exercise NAME`: scaffolds a working exercise (exercise.yaml with the schema comment editors
// complete from, a reference submission, a wrong one, pins.yaml), ready for `drydock verify` and an export.

import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { packageRoot } from '../export/drydock-tarball.js';
import { exerciseTemplate } from '../export/exercise-template.js';
import { EXIT, type CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** `drydock init --help`. */
const INIT_USAGE = `Usage: drydock init exercise <name>

Makes the folder <name> with a new exercise that already grades: exercise.yaml (with the schema comment that
editors with the YAML language server complete from), submissions/reference/ (full marks),
submissions/forgot-env/ (a wrong one) and pins.yaml (the score each must get). Edit them, then run
\`drydock verify <name>\` after each change.

Options:
  -h, --help          show this help

Example:
  drydock init exercise volumes-101 && drydock verify volumes-101

Exit codes: 0 made, 2 bad usage or the folder is not empty.
`;

/** Runs `drydock init`; returns the exit code. */
export async function initCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('init', argv, {}, { maxPositionals: 2 });
  if (parsed.help) {
    io.stdout(INIT_USAGE);
    return EXIT.ok;
  }
  const [what, name] = parsed.positionals;
  if (what !== 'exercise') throw new UsageError(what === undefined ? 'needs what to make: drydock init exercise <name>' : `can only make an exercise (drydock init exercise <name>), not ${JSON.stringify(what)}`, 'init');
  if (name === undefined) throw new UsageError('needs the new exercise\'s name: drydock init exercise <name>', 'init');
  const dir = resolve(io.cwd, name);
  const existing = await readdir(dir).catch(() => undefined);
  if (existing !== undefined && existing.length > 0) {
    io.stderr(`drydock init: ${name} already exists and is not empty: nothing written\n`);
    return EXIT.usage;
  }
  const schema = relative(dir, join(packageRoot(), 'schemas', 'scenario.schema.json')).split(sep).join('/');
  const base = name.replace(/\/+$/, '').split('/').pop() ?? name;
  const files = exerciseTemplate(base, schema);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  io.stdout(`drydock init: ${name}/ with ${Object.keys(files).join(', ')}\n  next: drydock verify ${name}   (then drydock export gradescope ${name} --out autograder.zip)\n`);
  return EXIT.ok;
}
