// `drydock playground build`: a static folder (index.html, one page per exercise, free play, assets/) that
// opens from any static host and from file://. Exercises are loaded and validated here, in Node; the pages get
// them as JSON, with hidden checks reduced to their points (a student can read a page's source).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadExercise } from '../grading/exercise.js';
import { formatProblem } from '../scenario/problem.js';
import type { CheckSpec } from '../scenario/model.js';
import { bundle, type Bundles } from './bundle.js';
import { serialScenario, type PlaygroundExercise } from './exercise-data.js';
import { exercisePage, startPage } from './site-html.js';

/** What to build. */
export interface SiteOptions {
  /** exercise files (absolute) */
  files: readonly string[];
  outDir: string;
  cwd: string;
  /** `serve`: pages reload when the server says the exercises changed */
  liveReload?: boolean;
  /** bundles made earlier (serve rebuilds only the pages) */
  bundles?: Bundles;
}

/** A built site: what it holds and its weight. */
export interface SiteResult {
  exercises: { slug: string; title: string; maxScore: number }[];
  files: { path: string; bytes: number; gzip: number }[];
  bundles: Bundles;
}

/** A hidden check as the page may know it: its place and its points, nothing that tells what it checks. */
function withheld(check: CheckSpec): CheckSpec {
  return { index: check.index, kind: 'hidden', spec: {}, templated: false, location: { file: '', line: 0, col: 0 }, ...(check.points !== undefined ? { points: check.points } : {}), ...(check.visibility ? { visibility: check.visibility } : {}) };
}

/** Loads the exercises; throws an Error whose message lists every problem. */
export async function loadPlaygroundExercises(files: readonly string[], cwd: string): Promise<{ exercise: PlaygroundExercise; hash: string }[]> {
  const out: { exercise: PlaygroundExercise; hash: string }[] = [];
  const problems: string[] = [];
  const slugs = new Set<string>(['free-play', 'assets']);
  for (const file of files) {
    const display = relative(cwd, file) || file;
    const loaded = await loadExercise(file, display);
    if (!loaded.ok) {
      problems.push(...loaded.problems.map(formatProblem), ...(loaded.message ? [loaded.message] : []));
      continue;
    }
    const e = loaded.exercise;
    const base = (basename(file) === 'exercise.yaml' ? basename(dirname(file)) : basename(file).replace(/\.ya?ml$/i, '')).replace(/[^A-Za-z0-9._-]+/g, '-');
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    const hidden = (c: CheckSpec) => c.visibility === 'hidden' || c.visibility === 'after_due_date';
    const scenario = { ...e.scenario, checks: e.scenario.checks.map((c) => (hidden(c) ? withheld(c) : c)) };
    out.push({
      exercise: { slug, title: e.title, description: e.scenario.description ?? '', maxScore: e.maxScore, stepBudget: e.stepBudget, submissionAt: e.submissionAt, scenario: serialScenario(scenario) },
      hash: e.hash,
    });
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return out;
}

/** Writes the site into `outDir` (replacing what a previous build wrote there). */
export async function buildSite(options: SiteOptions): Promise<SiteResult> {
  const loaded = await loadPlaygroundExercises(options.files, options.cwd);
  const bundles = options.bundles ?? (await bundle());
  const out = resolve(options.cwd, options.outDir);
  for (const name of ['index.html', 'assets', 'free-play', ...loaded.map((l) => l.exercise.slug)]) rmSync(join(out, name), { recursive: true, force: true });
  const files: SiteResult['files'] = [];
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
    files.push({ path, bytes: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });
  };
  const live = options.liveReload ?? false;
  for (const [name, text] of Object.entries(bundles)) write(`assets/${name}`, text);
  write('index.html', startPage(loaded.map((l) => l.exercise), live));
  write('free-play/index.html', exercisePage(null, 'drydock-playground/free-play', live));
  for (const { exercise, hash } of loaded) write(`${exercise.slug}/index.html`, exercisePage(exercise, `drydock-playground/${exercise.slug}/${hash.slice(0, 12)}`, live));
  return { exercises: loaded.map((l) => ({ slug: l.exercise.slug, title: l.exercise.title, maxScore: l.exercise.maxScore })), files, bundles };
}

