// What grading one submission produces, as plain serialisable data: it is written as grade.json (the record a
// resumed batch reads back) and is all the gradebook exports and the HTML pages need.

import type { CheckResult, Location, StepPhase, StepResult } from '../runner/result.js';
import type { CheckVisibility } from '../scenario/model.js';

export type { CheckVisibility } from '../scenario/model.js';

/** Bumped when grading changes what it produces, so a resumed batch regrades older results. */
export const GRADE_FORMAT = 2;

/**
 * How grading a submission ended: `graded` (its score stands, whatever it is), `timeout` (it ran past its
 * time limit: no points), `rejected` (nothing to run: no commands file), `error` (drydock could not grade it).
 */
export type GradeStatus = 'graded' | 'timeout' | 'rejected' | 'error';

/** One step as it ran, and whose it was. */
export interface GradedStep extends StepResult {
  origin: 'exercise' | 'submission';
}

/** One of the exercise's own steps (not the submission's): its phase and its index in that phase's list. */
export interface ExerciseStepRef {
  phase: StepPhase;
  index: number;
}

/** One check as it ran, with what it was worth. */
export interface GradedCheck extends CheckResult {
  points: number;
  earned: number;
  visibility: CheckVisibility;
  hint?: string;
  /**
   * the exercise's steps whose output its spec reads (`${{ steps.NAME.stdout }}`, or `${{ vars.X }}` that a step's
   * `capture` set): a student who may not see the check may not see them either
   */
  reads?: ExerciseStepRef[];
  /** the exercise skips it (`skip:`): its points are not part of maxScore */
  skippedByExercise?: true;
}

/** A line of a submission that was not run, and why. */
export interface SubmissionProblem {
  location: Location;
  message: string;
}

/** Everything grading one submission produced. */
export interface SubmissionGrade {
  format: typeof GRADE_FORMAT;
  /** the student's name: the submission folder's (or .sh file's) name */
  student: string;
  /** the file-system-safe name its reports are filed under */
  id: string;
  /** the submission's path, as given */
  submission: string;
  exercise: { file: string; name: string; title: string };
  engine: string;
  startedAt: string;
  durationMs: number;
  status: GradeStatus;
  score: number;
  maxScore: number;
  steps: GradedStep[];
  checks: GradedCheck[];
  problems: SubmissionProblem[];
  /** why it could not be graded (status error, rejected, timeout) */
  error?: string;
  /** a hash of the exercise, the submission's files and the engine: an unchanged one is not graded again */
  fingerprint: string;
}
