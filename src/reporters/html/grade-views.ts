// View models of the grading pages: one student's report (score, checks with points and hints, the
// transcript with the student's own commands marked), in two versions: the student's, built from the copy of the
// grade its student may see (grading/student-copy.ts: withheld checks as placeholders), and the teacher's, with
// everything; and the class summary (score distribution, pass rate per check, slowest submissions, everyone's
// score), which is the teacher's.

import type { GradedCheck, GradedStep, SubmissionGrade } from '../../grading/grade-result.js';
import { studentCopy, type WithheldCheck } from '../../grading/student-copy.js';
import { checkView, clean, duration, groupSteps, stepView, type CheckView, type StepGroup, type StepView } from './view-parts.js';

/** Whom a submission's page is for: its student (withheld checks stay withheld) or the teacher (everything). */
export type GradePageFor = { audience: 'student'; afterDueDate: boolean } | { audience: 'teacher'; summaryHref?: string; studentHref?: string };

/** A graded check as shown. */
export interface GradedCheckView extends CheckView {
  points: string;
  earned: string;
  hint?: string;
  visibility?: string;
}

/** A check withheld from the student, as its page shows it: a neutral title, its visibility and worth. */
export interface WithheldCheckView {
  title: string;
  badge: string;
  points: string;
}

/** One student's page. */
export interface StudentView {
  title: string;
  student: string;
  exercise: string;
  submission: string;
  engine: string;
  startedAt: string;
  duration: string;
  status: string;
  score: string;
  maxScore: string;
  /** what the score counts: "points", or "points on the checks shown" */
  scoreOf: string;
  percent: number;
  /** false when there is nothing to score (every check withheld): no percentage then */
  showPercent: boolean;
  full: boolean;
  error?: string;
  problems: { where: string; message: string }[];
  checks: GradedCheckView[];
  groups: StepGroup[];
  passedChecks: number;
  totalChecks: number;
  teacher: boolean;
  /** the student's page: the checks not shown, and what the page says about them */
  withheld: WithheldCheckView[];
  /** "1.5 points" */
  withheldPoints?: string;
  withheldNote?: string;
  summaryHref?: string;
  studentHref?: string;
}

/** Points for people: 2, 1.5. */
function pts(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function percentOf(score: number, max: number): number {
  return max > 0 ? Math.round((score / max) * 1000) / 10 : 0;
}

function percent(g: SubmissionGrade): number {
  return percentOf(g.score, g.maxScore);
}

function gradedCheckView(c: GradedCheck, teacher: boolean): GradedCheckView {
  const v: GradedCheckView = { ...checkView(c), points: pts(c.points), earned: pts(c.earned) };
  if (c.hint && c.status !== 'passed') v.hint = clean(c.hint, 2000);
  // A student sees only checks they may see: a badge there says when an `after_due_date` one became visible.
  if (c.visibility !== 'visible') v.visibility = c.visibility === 'hidden' ? 'hidden from students' : teacher ? 'shown after the due date' : 'shown since the due date';
  return v;
}

function stepLabel(s: GradedStep): { label: string; mine: boolean } {
  if (s.origin === 'submission') return { label: 'Your commands', mine: true };
  if (s.phase === 'setup') return { label: 'Exercise setup', mine: false };
  if (s.phase === 'teardown') return { label: 'Exercise teardown', mine: false };
  return { label: 'Exercise steps', mine: false };
}

/** A withheld step as the transcript shows it: that there was one, nothing of it. */
const WITHHELD_STEP: StepView = { ok: true, status: 'passed', command: '', where: '', stdout: '', stderr: '', exitBad: false, duration: '', failures: [], note: 'a step of the exercise: not shown', withheld: true };

function withheldView(w: WithheldCheck): WithheldCheckView {
  return w.visibility === 'hidden' ? { title: 'Hidden check', badge: 'hidden', points: pts(w.points) } : { title: 'Check shown after the due date', badge: 'after the due date', points: pts(w.points) };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the student's page says of the checks it does not show. */
function withheldNote(withheld: readonly WithheldCheck[], total: number): string {
  const hidden = withheld.filter((w) => w.visibility === 'hidden').length;
  const later = withheld.length - hidden;
  const parts = [
    ...(hidden > 0 ? [`${plural(hidden, 'hidden check is', 'hidden checks are')} graded but never shown here`] : []),
    ...(later > 0 ? [`${plural(later, 'check is', 'checks are')} shown once the due date has passed`] : []),
  ];
  return `${parts.join('; ')}. The score above counts only the checks shown; your final score, out of ${pts(total)}, counts every check.`;
}

/** The view of one submission's page, for its student or for the teacher. */
export function studentView(grade: SubmissionGrade, page: GradePageFor): StudentView {
  const teacher = page.audience === 'teacher';
  const copy = page.audience === 'student' ? studentCopy(grade, page.afterDueDate) : undefined;
  const g = copy?.grade ?? grade;
  const withheldSteps = copy?.withheldSteps;
  const v: StudentView = {
    title: `${g.student}: ${g.exercise.title}${teacher ? " (teacher's view)" : ''}`,
    student: g.student,
    exercise: g.exercise.title,
    submission: g.submission,
    engine: g.engine,
    startedAt: g.startedAt,
    duration: duration(g.durationMs),
    status: g.status,
    score: pts(g.score),
    maxScore: pts(g.maxScore),
    scoreOf: copy && copy.withheld.length > 0 ? 'points on the checks shown' : 'points',
    percent: percent(g),
    showPercent: g.maxScore > 0,
    full: g.score >= g.maxScore && g.status === 'graded',
    problems: g.problems.map((p) => ({ where: `${p.location.file}:${p.location.line}`, message: clean(p.message, 1000) })),
    checks: g.checks.map((c) => gradedCheckView(c, teacher)),
    groups: groupSteps(g.steps, stepLabel, (s) => (withheldSteps?.has(s) ? WITHHELD_STEP : stepView(s))),
    passedChecks: g.checks.filter((c) => c.status === 'passed').length,
    totalChecks: g.checks.length,
    teacher,
    withheld: copy?.withheld.map(withheldView) ?? [],
  };
  if (copy && copy.withheld.length > 0) {
    v.withheldPoints = `${pts(copy.withheldPoints)} ${copy.withheldPoints === 1 ? 'point' : 'points'}`;
    v.withheldNote = withheldNote(copy.withheld, copy.totalMaxScore);
  }
  if (g.error) v.error = clean(g.error, 2000);
  if (page.audience === 'teacher') {
    if (page.summaryHref) v.summaryHref = page.summaryHref;
    if (page.studentHref) v.studentHref = page.studentHref;
  }
  return v;
}

/** A bar of the score histogram, in SVG units. */
export interface HistogramBar {
  x: number;
  y: number;
  w: number;
  h: number;
  count: number;
  label: string;
  labelX: number;
  countY: number;
}

/** The class summary page. */
export interface SummaryView {
  title: string;
  exercise: string;
  file: string;
  engine: string;
  generatedAt: string;
  count: number;
  mean: string;
  median: string;
  maxScore: string;
  fullMarks: number;
  problems: number;
  histogram: { bars: HistogramBar[]; width: number; height: number; baseY: number; labelY: number };
  checks: { title: string; points: string; passed: number; total: number; rate: number; ok: boolean; visibility?: string }[];
  slowest: { student: string; href: string; duration: string; steps: number }[];
  students: { student: string; href: string; score: string; percent: number; status: string; duration: string; failed: number; ok: boolean }[];
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function histogram(grades: readonly SubmissionGrade[]): SummaryView['histogram'] {
  const bins = Array.from({ length: 10 }, () => 0);
  for (const g of grades) {
    const i = Math.min(9, Math.floor(percent(g) / 10));
    bins[i] = (bins[i] ?? 0) + 1;
  }
  const width = 600;
  const height = 220;
  const baseY = 190;
  const top = Math.max(1, ...bins);
  const w = (width - 40) / 10;
  const bars = bins.map((count, i): HistogramBar => {
    const h = Math.round((count / top) * (baseY - 30));
    const x = 30 + i * w;
    return { x: x + 3, y: baseY - h, w: w - 6, h, count, label: i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`, labelX: x + w / 2, countY: baseY - h - 4 };
  });
  return { bars, width, height, baseY, labelY: baseY + 16 };
}

/** The view of a batch's grades; `href` gives a student's page relative to the summary. */
export function summaryView(grades: readonly SubmissionGrade[], href: (g: SubmissionGrade) => string, generatedAt = new Date().toISOString()): SummaryView {
  const first = grades[0];
  const scores = grades.map((g) => g.score);
  const checks = (first?.checks ?? []).map((c) => {
    const results = grades.map((g) => g.checks.find((x) => x.index === c.index));
    const passed = results.filter((r) => r?.status === 'passed').length;
    const rate = percentOf(passed, grades.length);
    const v: SummaryView['checks'][number] = { title: clean(c.title, 500), points: pts(c.points), passed, total: grades.length, rate, ok: passed === grades.length };
    if (c.visibility !== 'visible') v.visibility = c.visibility;
    return v;
  });
  const slowest = [...grades]
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, 10)
    .map((g) => ({ student: g.student, href: href(g), duration: duration(g.durationMs), steps: g.steps.filter((s) => s.origin === 'submission').length }));
  return {
    title: `${first?.exercise.title ?? 'Grades'}: class summary`,
    exercise: first?.exercise.title ?? '',
    file: first?.exercise.file ?? '',
    engine: first?.engine ?? '',
    generatedAt,
    count: grades.length,
    mean: pts(grades.length > 0 ? scores.reduce((a, b) => a + b, 0) / grades.length : 0),
    median: pts(median(scores)),
    maxScore: pts(first?.maxScore ?? 0),
    fullMarks: grades.filter((g) => g.status === 'graded' && g.score >= g.maxScore).length,
    problems: grades.filter((g) => g.status !== 'graded').length,
    histogram: histogram(grades),
    checks,
    slowest,
    students: grades.map((g) => ({
      student: g.student,
      href: href(g),
      score: pts(g.score),
      percent: percent(g),
      status: g.status,
      duration: duration(g.durationMs),
      failed: g.checks.filter((c) => c.status !== 'passed' && c.status !== 'skipped').length,
      ok: g.status === 'graded' && g.score >= g.maxScore,
    })),
  };
}
