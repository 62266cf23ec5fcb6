// Loads every scenario file a command names; prints each file's problems (all of them, positioned).

import { loadScenarioFile } from '../scenario/load.js';
import type { Scenario } from '../scenario/model.js';
import { formatProblem, type ScenarioProblem } from '../scenario/problem.js';
import { findScenarioFiles } from './find-files.js';
import type { CliIo } from './io.js';

/** The scenarios of the named paths, or the count of problems that stop a run. */
export interface Loaded {
  scenarios: Scenario[];
  problems: ScenarioProblem[];
  files: number;
  /** the absolute paths read (what --watch watches) */
  paths: string[];
  missing: string[];
}

/** Finds and loads scenarios; prints problems and missing paths on stderr. `onFound` hears the file count first. */
export async function loadAll(args: readonly string[], io: CliIo, onFound?: (files: number) => void): Promise<Loaded> {
  const found = findScenarioFiles(args, io.cwd);
  onFound?.(found.files.length);
  for (const m of found.missing) io.stderr(`drydock: ${m}: no scenario files (no such file or folder, or no .yaml/.yml in it)\n`);
  const results = await Promise.all(found.files.map((f) => loadScenarioFile(f.path, f.display)));
  const scenarios: Scenario[] = [];
  const problems: ScenarioProblem[] = [];
  for (const r of results) {
    if (r.ok) scenarios.push(r.scenario);
    else problems.push(...r.problems);
  }
  if (problems.length > 0) io.stderr(`${problems.map(formatProblem).join('\n\n')}\n\n`);
  return { scenarios, problems, files: found.files.length, paths: found.files.map((f) => f.path), missing: found.missing };
}

/** "3 problems in 2 files". */
export function problemSummary(problems: readonly ScenarioProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  return `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
}
