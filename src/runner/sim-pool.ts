// Worker threads that run simulator scenarios in parallel (see sim-worker.ts). Each worker is a "runner" for
// runScenarios: it takes one scenario at a time and reports back; its hooks are replayed here in order (begin
// when it starts, steps and checks with the result). A worker that fails to start or dies hands its scenarios
// back to the main thread, so a run never loses one.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/model.js';
import type { RunHooks, ScenarioInfo, ScenarioResult } from './result.js';

/** A message to a worker. */
export interface WorkerRequest {
  id: number;
  scenario: Scenario;
}

/** A message from a worker. */
export type WorkerReply = { type: 'ready' } | { type: 'begin'; id: number } | { type: 'done'; id: number; result: ScenarioResult } | { type: 'failed'; id: number; message: string };

/** Runs one scenario somewhere and reports through the hooks. */
export type ScenarioRunner = (scenario: Scenario, info: ScenarioInfo, hooks: RunHooks) => Promise<ScenarioResult>;

/**
 * The worker thread. From the sources (tests, tsx) the worker registers tsx itself first: on Node 20 loader
 * hooks are not inherited by workers.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./sim-worker.js', import.meta.url));
  // require.resolve gives the CommonJS build of tsx's API; its ES module twin sits beside it.
  const api = JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href);
  const entry = JSON.stringify(new URL('./sim-worker.ts', import.meta.url).href);
  return new Worker(`(async () => { const { register } = await import(${api}); register(); await import(${entry}); })();`, { eval: true });
}

/** Calls onStepEnd and onCheckEnd for a finished result, in the order they ran, then onScenarioEnd. */
export function replayHooks(info: ScenarioInfo, result: ScenarioResult, hooks: RunHooks): void {
  const before = result.steps.filter((s) => s.phase !== 'teardown');
  for (const s of before) hooks.onStepEnd?.(info, s);
  for (const c of result.checks) hooks.onCheckEnd?.(info, c);
  for (const s of result.steps.filter((x) => x.phase === 'teardown')) hooks.onStepEnd?.(info, s);
  hooks.onScenarioEnd?.(info, result);
}

/** One worker thread as a runner; `fallback` runs a scenario in this thread when the worker cannot. */
class SimWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { info: ScenarioInfo; hooks: RunHooks; done: (r: ScenarioResult | undefined) => void }>();
  private next = 0;
  private dead = false;

  constructor() {
    this.worker = startWorker();
    this.worker.unref();
    this.worker.on('message', (reply: WorkerReply) => this.receive(reply));
    this.worker.on('error', () => this.die());
    this.worker.on('exit', () => this.die());
  }

  private receive(reply: WorkerReply): void {
    if (reply.type === 'ready') return;
    const job = this.pending.get(reply.id);
    if (!job) return;
    if (reply.type === 'begin') {
      job.hooks.onScenarioBegin?.(job.info);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.type === 'done') {
      replayHooks(job.info, reply.result, job.hooks);
      job.done(reply.result);
    } else {
      job.hooks.onError?.({ message: `worker: ${reply.message}`, file: job.info.file });
      job.done(undefined);
    }
  }

  private die(): void {
    this.dead = true;
    for (const job of this.pending.values()) job.done(undefined);
    this.pending.clear();
  }

  /** The result, or undefined when the worker could not run it (the caller then runs it itself). */
  run(scenario: Scenario, info: ScenarioInfo, hooks: RunHooks): Promise<ScenarioResult | undefined> {
    if (this.dead) return Promise.resolve(undefined);
    const id = this.next++;
    return new Promise((done) => {
      this.pending.set(id, { info, hooks, done });
      this.worker.postMessage({ id, scenario } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }
}

/** A set of simulator worker threads, started early so their start-up overlaps loading the scenarios. */
export class SimWorkerPool {
  private readonly workers: SimWorker[];

  constructor(count: number) {
    this.workers = Array.from({ length: Math.max(0, count) }, () => new SimWorker());
  }

  /** One runner per worker; each falls back to `local` for a scenario its worker could not run. */
  runners(local: ScenarioRunner): ScenarioRunner[] {
    return this.workers.map((w) => async (scenario, info, hooks) => (await w.run(scenario, info, hooks)) ?? local(scenario, info, hooks));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
