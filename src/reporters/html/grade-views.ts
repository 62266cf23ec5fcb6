// View models of the grading pages: one student's report (score, checks with points and hints, the
// transcript with the student's own commands marked) and the class summary (score distribution, pass rate
// per check, slowest submissions, everyone's score).

import type { GradedCheck, GradedStep, SubmissionGrade } from '../../grading/grade-result.js';
import { checkView, clean, duration, groupSteps, type CheckView, type StepGroup } from './view-parts.js';

/** A graded check as shown. */
export interface GradedCheckView extends CheckView {
  points: string;
  earned: string;
  hint?: string;
  visibility?: string;
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
  percent: number;
  full: boolean;
  error?: string;
  problems: { where: string; message: string }[];
  checks: GradedCheckView[];
  groups: StepGroup[];
  passedChecks: number;
  totalChecks: number;
  summaryHref?: string;
}

/** Points for people: 2, 1.5. */
export function pts(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function percent(g: SubmissionGrade): number {
  return g.maxScore > 0 ? Math.round((g.score / g.maxScore) * 1000) / 10 : 0;
}

function gradedCheckView(c: GradedCheck): GradedCheckView {
  const v: GradedCheckView = { ...checkView(c), points: pts(c.points), earned: pts(c.earned) };
  if (c.hint && c.status !== 'passed') v.hint = clean(c.hint, 2000);
  if (c.visibility !== 'visible') v.visibility = c.visibility === 'hidden' ? 'hidden from students' : 'shown after the due date';
  return v;
}

function stepLabel(s: GradedStep): { label: string; mine: boolean } {
  if (s.origin === 'submission') return { label: 'Your commands', mine: true };
  if (s.phase === 'setup') return { label: 'Exercise setup', mine: false };
  if (s.phase === 'teardown') return { label: 'Exercise teardown', mine: false };
  return { label: 'Exercise steps', mine: false };
}

/** The view of one student's grade. */
export function studentView(g: SubmissionGrade, summaryHref?: string): StudentView {
  const v: StudentView = {
    title: `${g.student}: ${g.exercise.title}`,
    student: g.student,
    exercise: g.exercise.title,
    submission: g.submission,
    engine: g.engine,
    startedAt: g.startedAt,
    duration: duration(g.durationMs),
    status: g.status,
    score: pts(g.score),
    maxScore: pts(g.maxScore),
    percent: percent(g),
    full: g.score >= g.maxScore && g.status === 'graded',
    problems: g.problems.map((p) => ({ where: `${p.location.file}:${p.location.line}`, message: clean(p.message, 1000) })),
    checks: g.checks.map(gradedCheckView),
    groups: groupSteps(g.steps, stepLabel),
    passedChecks: g.checks.filter((c) => c.status === 'passed').length,
    totalChecks: g.checks.length,
  };
  if (g.error) v.error = clean(g.error, 2000);
  if (summaryHref) v.summaryHref = summaryHref;
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
    const rate = grades.length > 0 ? Math.round((passed / grades.length) * 1000) / 10 : 0;
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
