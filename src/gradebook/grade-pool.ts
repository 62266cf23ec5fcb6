// Worker threads that grade submissions on the simulator (grade-worker.ts), one submission per thread at a
// time. A thread still busy `hardLimitMs` after it took a submission (a hang the step budget did not stop) is
// terminated and replaced: that submission gets a `timeout` grade, and the batch goes on. The clock starts when
// the thread is ready (it says so once loaded), so a slow start-up never counts against a submission; a thread
// that never gets ready is given up after STARTUP_LIMIT_MS.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Exercise } from '../grading/exercise.js';
import type { StudentPages } from './grade-files.js';
import type { SubmissionGrade } from '../grading/grade-result.js';
import type { GradeReply, GradeRequest } from './grade-worker.js';
import type { Submission } from '../grading/submission.js';

/** The worker thread; from the sources (tests, tsx) it registers tsx first, as workers do not inherit loaders. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./grade-worker.js', import.meta.url));
  const api = JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href);
  const entry = JSON.stringify(new URL('./grade-worker.ts', import.meta.url).href);
  return new Worker(`(async () => { const { register } = await import(${api}); register(); await import(${entry}); })();`, { eval: true });
}

type Outcome = { kind: 'done'; grade: SubmissionGrade } | { kind: 'failed'; message: string } | { kind: 'killed' };

/** How long a thread may take to load before its submission is given up (it loads in well under 5 s). */
const STARTUP_LIMIT_MS = 60_000;

/** One grading thread; replaced by a fresh one after it is killed or dies. */
class GradeThread {
  private worker: Worker;
  /** the submission it grades; `arm` starts its clock (once the thread is ready) */
  private pending: { job: number; done: (o: Outcome) => void; arm: () => void } | undefined;
  private next = 0;
  private dead = false;
  private ready = false;

  constructor(private readonly init: Extract<GradeRequest, { type: 'init' }>) {
    this.worker = this.start();
  }

  private start(): Worker {
    const w = startWorker();
    w.on('message', (reply: GradeReply) => {
      if (reply.type === 'ready') {
        this.ready = true;
        this.pending?.arm();
        return;
      }
      const p = this.pending;
      if (!p || reply.job !== p.job) return;
      this.pending = undefined;
      p.done(reply.type === 'done' ? { kind: 'done', grade: reply.grade } : { kind: 'failed', message: reply.message });
    });
    const died = () => {
      const p = this.pending;
      this.pending = undefined;
      this.dead = true;
      this.ready = false;
      p?.done({ kind: 'killed' });
    };
    w.on('error', died);
    w.on('exit', died);
    w.postMessage(this.init satisfies GradeRequest);
    return w;
  }

  /** Grades one submission; a thread that does not answer within `hardLimitMs` of being ready is replaced. */
  grade(submission: Submission, id: string, fingerprint: string, hardLimitMs: number): Promise<Outcome> {
    const job = this.next++;
    if (this.dead) this.restart();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const giveUp = (o: Outcome) => () => {
        if (this.pending?.job !== job) return;
        this.pending = undefined;
        this.restart();
        resolve(o);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(giveUp({ kind: 'killed' }), hardLimitMs);
      };
      this.pending = {
        job,
        arm,
        done: (o) => {
          clearTimeout(timer);
          resolve(o);
        },
      };
      if (this.ready) arm();
      else timer = setTimeout(giveUp({ kind: 'failed', message: `the grading thread did not start within ${STARTUP_LIMIT_MS / 1000}s` }), STARTUP_LIMIT_MS);
      this.worker.postMessage({ type: 'grade', job, submission, id, fingerprint } satisfies GradeRequest);
    });
  }

  private restart(): void {
    this.worker.removeAllListeners();
    void this.worker.terminate();
    this.dead = false;
    this.ready = false;
    this.worker = this.start();
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners();
    await this.worker.terminate();
  }
}

/** A set of grading threads for one exercise. */
export class GradePool {
  readonly threads: GradeThread[];

  constructor(count: number, exercise: Exercise, outDir: string, pages: StudentPages) {
    this.threads = Array.from({ length: count }, () => new GradeThread({ type: 'init', exercise, outDir, pages }));
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}

export type { GradeThread };
