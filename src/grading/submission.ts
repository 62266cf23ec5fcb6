// A student's submission: a folder with `commands.sh` (docker commands, one a line) and any files it needs (a
// Dockerfile…), or a single `.sh` file. Only regular files are read (a symlink could point anywhere on the
// grading machine), within size limits, so a submission cannot reach beyond its own folder.

import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { splitShellWords } from '../scenario/shell-words.js';
import type { SubmissionProblem } from './grade-result.js';

/** The file a submission folder's commands are in. */
export const COMMANDS_FILE = 'commands.sh';

/** Limits on what a submission folder may hold (beyond them files are left out, with a problem). */
const SUBMISSION_LIMITS = { fileBytes: 1_000_000, totalBytes: 10_000_000, files: 200, commands: 500 };

/** A submission as read from disk. */
export interface Submission {
  student: string;
  /** the path as given */
  path: string;
  /** how reports name the commands file: `submissions/alice/commands.sh` */
  commandsFile: string;
  /** the commands file's text; undefined when there is none */
  commands?: string;
  /** the folder's other files, by path relative to it (they go in the scenario directory) */
  files: { name: string; content: Uint8Array; mode: number }[];
  /** files left out */
  problems: SubmissionProblem[];
  /** why this entry of a submissions folder is not graded at all (a symlink, a hidden entry, not a folder or .sh) */
  notGraded?: string;
}

/** An entry of a folder of submissions that is not graded, and why: it still gets a row. */
export interface SkippedEntry {
  path: string;
  reason: string;
}

/** One docker command of a commands file. */
export interface SubmissionCommand {
  /** the words after `docker` */
  words: string[];
  /** the command as written, continuations joined */
  text: string;
  line: number;
}

/** Text up to an unquoted `#` that starts a word (a shell comment), quotes and backslashes honoured. */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '\\') i++;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) return line.slice(0, i);
  }
  return line;
}

/** The docker commands of a commands file, and the lines that are not one (each with file:line). */
export function parseCommands(text: string, file: string): { commands: SubmissionCommand[]; problems: SubmissionProblem[] } {
  const commands: SubmissionCommand[] = [];
  const problems: SubmissionProblem[] = [];
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    const line = i + 1;
    let logical = physical[i] as string;
    if (logical.trim().startsWith('#')) continue;
    // `\` at the end of a line continues the command on the next one, as in a shell script.
    while (/\\\s*$/.test(logical) && i + 1 < physical.length) logical = `${logical.replace(/\\\s*$/, ' ')}${physical[++i] as string}`;
    const body = stripComment(logical).trim();
    if (body === '') continue;
    const problem = (message: string) => problems.push({ location: { file, line, col: 1 }, message });
    if (!/^docker(\s|$)/.test(body)) {
      problem(`not a docker command: \`${body.length > 60 ? `${body.slice(0, 60)}…` : body}\` (each line of ${basename(file)} is one \`docker …\` command)`);
      continue;
    }
    const split = splitShellWords(body);
    if (!split.ok) {
      problem(`cannot split the line into words: ${split.message}`);
      continue;
    }
    if (split.operator) {
      problem(`\`${split.operator.text}\` is a shell operator: each line runs one docker command, without a shell (quote it to pass it to docker)`);
      continue;
    }
    if (commands.length >= SUBMISSION_LIMITS.commands) {
      problem(`more than ${SUBMISSION_LIMITS.commands} commands: the rest are not run`);
      break;
    }
    commands.push({ words: split.words.slice(1).map((w) => w.text), text: body, line });
  }
  return { commands, problems };
}

/** Reads a submission folder or `.sh` file; `display` is how reports name it (default: the path). */
export async function readSubmission(path: string, display: string = path): Promise<Submission> {
  const info = await lstat(path);
  if (info.isFile()) {
    const student = basename(path).replace(/\.sh$/, '');
    return { student, path: display, commandsFile: display, commands: await readFile(path, 'utf8'), files: [], problems: [] };
  }
  const sub: Submission = { student: basename(resolve(path)), path: display, commandsFile: join(display, COMMANDS_FILE), files: [], problems: [] };
  let total = 0;
  const leftOut = (name: string, why: string) => sub.problems.push({ location: { file: join(display, name), line: 1, col: 1 }, message: `left out: ${why}` });
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const full = join(dir, e.name);
      const name = relative(path, full).split(sep).join('/');
      if (e.name.startsWith('.git')) continue;
      if (e.isDirectory()) await walk(full);
      else if (!e.isFile()) leftOut(name, 'not a regular file (symlinks and devices are not read)');
      else if (name === COMMANDS_FILE) sub.commands = await readFile(full, 'utf8');
      else if (sub.files.length >= SUBMISSION_LIMITS.files) leftOut(name, `more than ${SUBMISSION_LIMITS.files} files`);
      else {
        const st = await lstat(full);
        if (st.size > SUBMISSION_LIMITS.fileBytes || total + st.size > SUBMISSION_LIMITS.totalBytes) leftOut(name, 'too large');
        else {
          total += st.size;
          sub.files.push({ name, content: await readFile(full), mode: st.mode & 0o111 ? 0o755 : 0o644 });
        }
      }
    }
  };
  await walk(path);
  return sub;
}

/** True for a folder that is a submission (it has commands.sh). */
async function isSubmissionDir(path: string): Promise<boolean> {
  try {
    return (await lstat(join(path, COMMANDS_FILE))).isFile();
  } catch {
    return false;
  }
}

/** Why an entry of a folder of submissions is not a submission, or undefined when it is one. */
function skipReason(e: Dirent): string | undefined {
  if (e.name.startsWith('.')) return 'hidden (its name starts with a dot)';
  if (e.isSymbolicLink()) return 'a symlink (not followed: it could point anywhere on this machine)';
  if (e.isDirectory() || (e.isFile() && e.name.endsWith('.sh'))) return undefined;
  return 'not a folder or a .sh file';
}

/**
 * The submissions named on the command line: a submission folder (it has commands.sh), a `.sh` file, or a folder
 * of them (each sub-folder and .sh file in it). Missing paths are returned apart; every other entry of a folder
 * of submissions is in `found` too, as a SkippedEntry with the reason it is not graded, so it still gets a row.
 */
export async function findSubmissions(paths: readonly string[], cwd: string): Promise<{ found: (string | SkippedEntry)[]; missing: string[] }> {
  const found: (string | SkippedEntry)[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const full = resolve(cwd, p);
    let st;
    try {
      st = await lstat(full);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isFile() || (await isSubmissionDir(full))) {
      found.push(p);
      continue;
    }
    if (!st.isDirectory()) {
      missing.push(p);
      continue;
    }
    // A folder of submissions: each sub-folder is one (rejected later if it lacks commands.sh), each .sh file too.
    const entries = (await readdir(full, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (entries.length === 0) found.push(p);
    for (const e of entries) {
      const reason = skipReason(e);
      found.push(reason === undefined ? join(p, e.name) : { path: join(p, e.name), reason });
    }
  }
  // A submission named twice (itself and through its folder) is graded once.
  const seen = new Set<string>();
  const key = (f: string | SkippedEntry) => resolve(cwd, typeof f === 'string' ? f : f.path);
  return { found: found.filter((f) => !seen.has(key(f)) && seen.add(key(f))), missing };
}
