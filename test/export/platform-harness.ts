// Runs the exported entry scripts as each platform would, without the platform: its folders laid out under a
// temporary root (DRYDOCK_PLATFORM_ROOT stands in for `/`), `bash` running the script, and PATH leading to a
// `drydock` shim that runs this repository's drydock (bin/drydock.js when dist/ is built, else the sources
// through tsx), as the platform's setup would have installed it.

import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { execa } from 'execa';
import { unzipSync } from 'fflate';
import { runCli } from '../cli/helpers.js';

const REPO = new URL('../../', import.meta.url).pathname;

const made: string[] = [];

/** A fresh temporary folder, removed by `removeTempDirs`. */
export function tempDir(prefix = 'drydock-platform-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the folders made so far (each export holds a drydock tarball of about half a megabyte). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  shim = undefined;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

let shim: string | undefined;
/** A folder holding only a `drydock` that runs this repository's drydock. */
export function shimDir(): string {
  if (shim) return shim;
  shim = tempDir('drydock-shim-');
  const built = join(REPO, 'dist', 'cli', 'main.js');
  // The built CLI starts faster; the sources are used when dist/ is missing or older than them.
  const fresh = existsSync(built) && statSync(built).mtimeMs >= newestMtime(join(REPO, 'src'));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const run = fresh
    ? `exec node ${JSON.stringify(join(REPO, 'bin', 'drydock.js'))} "$@"`
    : `exec node --import ${JSON.stringify(tsx)} --input-type=module -e ${JSON.stringify(`import { main } from ${JSON.stringify(join(REPO, 'src', 'cli', 'main.ts'))}; process.exitCode = await main(process.argv.slice(1));`)} -- "$@"`;
  writeFileSync(join(shim, 'drydock'), `#!/usr/bin/env bash\n${run}\n`, { mode: 0o755 });
  return shim;
}

/** PATH with the shim first. */
export function shimPath(): string {
  return `${shimDir()}:${process.env.PATH ?? '/usr/bin:/bin'}`;
}

/** Runs a bash script as a platform would; what it printed and its exit code. */
export async function runScript(script: string, env: Record<string, string>, cwd?: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const r = await execa('bash', [script], { env: { ...process.env, PATH: shimPath(), ...env }, cwd: cwd ?? dirname(script), reject: false, timeout: 120_000 });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Exports `exercise` to `platform` with the CLI in process; the export's path. */
export async function exportExercise(platform: string, exercise: string, extra: string[] = []): Promise<string> {
  const dir = tempDir('drydock-export-');
  const out = join(dir, platform === 'gradescope' ? 'autograder.zip' : 'out');
  const r = await runCli(['export', platform, exercise, '--out', out, ...extra], REPO);
  if (r.code !== 0) throw new Error(`drydock export ${platform} ${exercise}: exit ${r.code}: ${r.stderr}`);
  return out;
}

/** A zip's members with the Unix modes in their central directory entries. */
export function zipModes(zip: Uint8Array): Map<string, number> {
  const modes = new Map<string, number>();
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLen = view.getUint16(i + 28, true);
    const name = new TextDecoder().decode(zip.subarray(i + 46, i + 46 + nameLen));
    modes.set(name, (view.getUint32(i + 38, true) >>> 16) & 0o7777);
    i += 45 + nameLen;
  }
  return modes;
}

/** Copies a submission's files into `dir`. */
export function copySubmission(from: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  cpSync(from, dir, { recursive: true });
}

/** Gradescope: /autograder/source from the zip, run_autograder copied beside it, the submission in place. */
export async function runGradescope(zipPath: string, submission: string | undefined, env: Record<string, string> = {}): Promise<{ results: unknown; run: Awaited<ReturnType<typeof runScript>>; root: string }> {
  const root = tempDir('drydock-gs-');
  const source = join(root, 'autograder', 'source');
  for (const [name, data] of Object.entries(unzipSync(readFileSync(zipPath)))) {
    mkdirSync(dirname(join(source, name)), { recursive: true });
    writeFileSync(join(source, name), data);
  }
  copyFileSync(join(source, 'run_autograder'), join(root, 'autograder', 'run_autograder'));
  mkdirSync(join(root, 'autograder', 'submission'), { recursive: true });
  if (submission) copySubmission(submission, join(root, 'autograder', 'submission'));
  const run = await runScript(join(root, 'autograder', 'run_autograder'), { DRYDOCK_PLATFORM_ROOT: root, ...env });
  return { results: JSON.parse(readFileSync(join(root, 'autograder', 'results', 'results.json'), 'utf8')), run, root };
}

/** PrairieLearn: the question's tests/ at /grade/tests, the student's files at /grade/student. */
export async function runPrairieLearn(exportDir: string, submission: string | undefined, env: Record<string, string> = {}): Promise<{ results: unknown; run: Awaited<ReturnType<typeof runScript>> }> {
  const root = tempDir('drydock-pl-');
  cpSync(join(exportDir, 'question', 'tests'), join(root, 'grade', 'tests'), { recursive: true });
  mkdirSync(join(root, 'grade', 'student'), { recursive: true });
  if (submission) copySubmission(submission, join(root, 'grade', 'student'));
  const run = await runScript(join(root, 'grade', 'tests', 'run.sh'), { DRYDOCK_PLATFORM_ROOT: root, ...env }, root);
  return { results: JSON.parse(readFileSync(join(root, 'grade', 'results', 'results.json'), 'utf8')), run };
}

/** GitHub Classroom: the starter repository with the student's work in submission/, graded as the workflow does. */
export async function runClassroom(exportDir: string, submission: string | undefined, env: Record<string, string> = {}): Promise<{ output: string; results: unknown; run: Awaited<ReturnType<typeof runScript>> }> {
  const repo = tempDir('drydock-ghc-');
  cpSync(exportDir, repo, { recursive: true });
  if (submission) copySubmission(submission, join(repo, 'submission'));
  const outputFile = join(repo, 'github-output');
  writeFileSync(outputFile, '');
  const run = await runScript(join(repo, '.drydock', 'grade.sh'), { GITHUB_OUTPUT: outputFile, ...env }, repo);
  const output = readFileSync(outputFile, 'utf8');
  const line = output.split('\n').find((l) => l.startsWith('result='));
  if (!line) throw new Error(`grade.sh set no result output: ${run.stderr}`);
  return { output, results: JSON.parse(Buffer.from(line.slice('result='.length), 'base64').toString('utf8')), run };
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
/** Validates `data` against schemas/platforms/<name>; the errors as text, empty when valid. */
export function schemaErrors(name: string, data: unknown): string {
  const validate = ajv.getSchema(name) ?? (ajv.addSchema(JSON.parse(readFileSync(join(REPO, 'schemas', 'platforms', name), 'utf8')) as object, name), ajv.getSchema(name));
  if (!validate) throw new Error(`no schema ${name}`);
  return validate(data) ? '' : ajv.errorsText(validate.errors);
}

/** The repository's folder. */
export const REPO_DIR = REPO;
