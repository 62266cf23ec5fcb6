// Renders the HTML reports from their view models with Handlebars: a private Handlebars environment (no global
// helpers or partials leak in or out), templates compiled once per process. `{{ }}` escapes everything; the
// only unescaped output is drydock's own CSS, script and CSP.

import Handlebars from 'handlebars';
import type { SubmissionGrade } from '../../grading/grade-result.js';
import type { RunResult } from '../../runner/result.js';
import { CSP, CSS, SCRIPT } from './assets.js';
import { studentView, summaryView, type GradePageFor } from './grade-views.js';
import { runView } from './run-view.js';
import { CHECK, EXPECTED_ACTUAL, FAILURE, LAYOUT, TRANSCRIPT } from './templates/partials.js';
import { RUN_PAGE, STUDENT_PAGE, SUMMARY_PAGE } from './templates/pages.js';

type Template = (context: unknown) => string;

let compiled: { student: Template; summary: Template; run: Template } | undefined;

function templates(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  const hb = Handlebars.create();
  const assets: Record<string, string> = { css: CSS, script: SCRIPT, csp: CSP };
  hb.registerHelper('asset', (name: string) => new hb.SafeString(assets[name] ?? ''));
  hb.registerHelper('defined', (v: unknown) => v !== undefined && v !== null);
  hb.registerPartial({ layout: LAYOUT, failure: FAILURE, expectedActual: EXPECTED_ACTUAL, check: CHECK, transcript: TRANSCRIPT });
  const compile = (source: string): Template => hb.compile(source, { strict: false, preventIndent: true });
  compiled = { student: compile(STUDENT_PAGE), summary: compile(SUMMARY_PAGE), run: compile(RUN_PAGE) };
  return compiled;
}

/** A submission's report page: for its student (withheld checks withheld) or for the teacher. */
export function renderStudentPage(grade: SubmissionGrade, page: GradePageFor): string {
  const view = studentView(grade, page);
  const allPassed = view.checks.every((c) => c.ok) ? (view.withheld.length > 0 ? 'Every check shown passed.' : 'Every check passed.') : undefined;
  return templates().student({ ...view, allPassed });
}

/** The class summary of a batch; `href` gives each student's page relative to it. */
export function renderClassSummary(grades: readonly SubmissionGrade[], href: (g: SubmissionGrade) => string, generatedAt?: string): string {
  const view = summaryView(grades, href, generatedAt);
  return templates().summary({ ...view, allFull: view.students.every((s) => s.ok) });
}

/** The report of a `drydock run`. */
export function renderRunPage(run: RunResult): string {
  const view = runView(run);
  return templates().run({ ...view, allPassed: view.scenarios.every((s) => s.ok) });
}
