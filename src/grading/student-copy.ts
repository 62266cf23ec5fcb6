// What a student may see of their grade, by Gradescope's rules for a test's `visibility`
// (https://gradescope-autograders.readthedocs.io/en/latest/specs/): a `hidden` check never, an `after_due_date`
// check once the due date has passed, a `visible` one always. The student's page is built from this copy, not
// from the grade, so what is withheld is not there to leak: a withheld check keeps only its visibility and its
// worth (no title, kind, status, expected or actual value, hint, position or time), and an exercise step that a
// withheld check reads keeps none of its command or output. The score in the copy is the one earned on the
// checks shown, out of their points: a total with withheld points in it would tell a student how the withheld
// checks went (Gradescope, too, never shows a student a hidden test's result).

import type { CheckVisibility, GradedCheck, GradedStep, SubmissionGrade } from './grade-result.js';

/** A check withheld from the student: what the page says of it. */
export interface WithheldCheck {
  visibility: Exclude<CheckVisibility, 'visible'>;
  points: number;
}

/** A grade as its student may see it. */
export interface StudentCopy {
  /** the grade with only the checks shown; its score and maxScore are those of the checks shown */
  grade: SubmissionGrade;
  /** the checks not shown, in the exercise's order (those the exercise skips are left out) */
  withheld: WithheldCheck[];
  /** the points of the withheld checks */
  withheldPoints: number;
  /** the exercise's whole max score, withheld checks included */
  totalMaxScore: number;
  /** steps of `grade.steps` whose command and output are withheld (a withheld check reads them) */
  withheldSteps: ReadonlySet<GradedStep>;
}

/** True when students see a check of this visibility (once the due date has passed, when `afterDueDate`). */
function shownToStudents(visibility: CheckVisibility, afterDueDate: boolean): boolean {
  return visibility === 'visible' || (visibility === 'after_due_date' && afterDueDate);
}

/** Points without floating-point dust. */
function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** A withheld step: nothing of what it ran or printed, nor of how it ended. */
function blankStep(s: GradedStep): GradedStep {
  return { phase: s.phase, index: s.index, kind: s.kind, origin: s.origin, title: '', command: '', status: 'passed', stdout: '', stderr: '', durationMs: 0, failures: [], location: { file: s.location.file, line: 0, col: 0 } };
}

/** The copy of `g` its student may see; `afterDueDate`: the due date has passed. */
export function studentCopy(g: SubmissionGrade, afterDueDate: boolean): StudentCopy {
  const shown: GradedCheck[] = [];
  const withheld: WithheldCheck[] = [];
  const readByWithheld = new Set<string>();
  for (const c of g.checks) {
    const v = c.visibility;
    // `visible` spelled out so that below it `v` is one of the withheld visibilities.
    if (v === 'visible' || shownToStudents(v, afterDueDate)) {
      shown.push(c);
      continue;
    }
    for (const r of c.reads ?? []) readByWithheld.add(`${r.phase}:${r.index}`);
    if (!c.skippedByExercise) withheld.push({ visibility: v, points: c.points });
  }
  const withheldSteps = new Set<GradedStep>();
  const steps = g.steps.map((s) => {
    // Only the exercise's own steps can be read by a check; the student's commands are theirs to see.
    if (s.origin !== 'exercise' || !readByWithheld.has(`${s.phase}:${s.index}`)) return s;
    const blank = blankStep(s);
    withheldSteps.add(blank);
    return blank;
  });
  const withheldPoints = round(withheld.reduce((sum, w) => sum + w.points, 0));
  const score = g.status === 'graded' ? round(shown.reduce((sum, c) => sum + c.earned, 0)) : 0;
  // The exercise's maxScore may differ from the sum of its checks' points (extra credit): the checks shown are
  // out of what is left of it once the withheld checks' points are taken out.
  const maxScore = withheld.length > 0 ? round(Math.max(0, g.maxScore - withheldPoints)) : g.maxScore;
  return {
    grade: { ...g, checks: shown, steps, score: withheld.length > 0 ? score : g.score, maxScore },
    withheld,
    withheldPoints,
    totalMaxScore: g.maxScore,
    withheldSteps,
  };
}
