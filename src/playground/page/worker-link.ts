/// <reference lib="dom" />
// The simulator's worker, started from a blob: the worker's bundle is a function in assets/worker.js (loaded by
// a script tag), because a page opened from file:// may not start a worker from a file URL. Requests carry an
// id; answers resolve them in order.

import type { FromWorker, ToWorker } from '../protocol.js';

declare global {
  interface Window {
    /** assets/worker.js: the worker's whole bundle as one function */
    drydockWorker?: () => void;
  }
}

type Answer = Extract<FromWorker, { id: number }>;
/** A request without its id (the link numbers it). */
type Request = ToWorker extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

/** A started worker and its pending requests. */
export class WorkerLink {
  private readonly worker: Worker;
  private readonly url: string;
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: Answer) => void>();

  constructor(onOther: (message: Exclude<FromWorker, { id: number }>) => void) {
    const source = window.drydockWorker;
    if (!source) throw new Error('assets/worker.js did not load');
    this.url = URL.createObjectURL(new Blob([`(${source.toString()})()`], { type: 'text/javascript' }));
    this.worker = new Worker(this.url);
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if ('id' in m) {
        this.waiting.get(m.id)?.(m);
        this.waiting.delete(m.id);
      } else onOther(m);
    };
  }

  send(message: Extract<ToWorker, { type: 'init' }>): void {
    this.worker.postMessage(message);
  }

  /** Sends a request and resolves with its answer. */
  ask<T extends Answer['type']>(message: Request, _type: T): Promise<Extract<Answer, { type: T }>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (a) => resolve(a as Extract<Answer, { type: T }>));
      this.worker.postMessage({ ...message, id } as ToWorker);
    });
  }

  stop(): void {
    this.worker.terminate();
    URL.revokeObjectURL(this.url);
  }
}
