// A worker thread that grades submissions on the simulator and writes their files, so a batch uses every core
// (the simulator is synchronous JavaScript) and a submission that hangs a thread can be cut off by
// terminating the thread (grade-pool.ts). It says {ready} once loaded, then answers {grade} messages with
// {done, grade}.

import { parentPort } from 'node:worker_threads';
import { builtinAssertions } from '../assertions/registry.js';
import type { Exercise } from '../grading/exercise.js';
import type { SubmissionGrade } from '../grading/grade-result.js';
import { writeStudent, type StudentPages } from './grade-files.js';
import { gradeSubmission } from '../grading/grade-submission.js';
import { simGradingEngine } from '../grading/grading-engines.js';
import type { Submission } from '../grading/submission.js';

/** A message to a grading worker. */
export type GradeRequest =
  | { type: 'init'; exercise: Exercise; outDir: string; pages: StudentPages }
  | { type: 'grade'; job: number; submission: Submission; id: string; fingerprint: string };

/** A message from a grading worker. */
export type GradeReply = { type: 'ready' } | { type: 'done'; job: number; grade: SubmissionGrade } | { type: 'failed'; job: number; message: string };

const port = parentPort;
if (port) {
  const registry = builtinAssertions();
  let setup: Extract<GradeRequest, { type: 'init' }> | undefined;
  port.on('message', (request: GradeRequest) => {
    if (request.type === 'init') {
      setup = request;
      return;
    }
    const s = setup;
    if (!s) return;
    void gradeSubmission(s.exercise, request.submission, request.id, request.fingerprint, { createEngine: simGradingEngine, engineName: 'sim', registry })
      .then((grade) => {
        writeStudent(s.outDir, grade, s.pages);
        port.postMessage({ type: 'done', job: request.job, grade } satisfies GradeReply);
      })
      .catch((e: unknown) => port.postMessage({ type: 'failed', job: request.job, message: e instanceof Error ? e.message : String(e) } satisfies GradeReply));
  });
  // Loading this module (and, from the sources, compiling it) takes a while: the pool's clock for a submission
  // starts from here, so a slow start is never taken for a hang.
  port.postMessage({ type: 'ready' } satisfies GradeReply);
}
