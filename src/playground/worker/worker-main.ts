// The worker's entry: owns one PlaygroundSession and answers the page's messages in order (a command waits for
// the one before it). The fixtures come in at build time (esbuild's `define`), the exercise with `init`.

import { complete } from '../completion.js';
import { fixturesFromSerial, type SerialFixtures } from '../fixture-data.js';
import { handInZip, safeFolder } from '../hand-in.js';
import type { FromWorker, SessionView, ToWorker } from '../protocol.js';
import { PlaygroundSession } from '../session.js';

declare const DRYDOCK_FIXTURES: SerialFixtures;

/** The little of a worker's global scope used here (the project's tsconfig has no WebWorker lib). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
let session: PlaygroundSession | undefined;
let lastView: SessionView | undefined;
let title = 'free play';
let queue: Promise<void> = Promise.resolve();
/** events applied since the session began (the replayed ones included): which state a view shows */
let applied = 0;
/** events received and not yet applied: a view is not worth computing while another command waits */
let waiting = 0;

/** The checks on the current state, unless another event is already waiting (its own view will follow). */
async function sendView(): Promise<void> {
  // a task's pause first, so that lines typed meanwhile reach `onmessage` and count as waiting
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (!session || waiting > 0) return;
  const started = performance.now();
  lastView = await session.view();
  scope.postMessage({ type: 'view', view: lastView, events: applied, ms: performance.now() - started });
}

async function handle(msg: ToWorker): Promise<void> {
  const started = performance.now();
  if (msg.type === 'init') {
    title = msg.exercise?.title ?? 'free play';
    session = new PlaygroundSession(msg.exercise, fixturesFromSerial(DRYDOCK_FIXTURES), msg.createdAt);
    await session.start();
    const replayed = [];
    for (const e of msg.events) {
      const out = await session.apply(e);
      if (out) replayed.push(out);
    }
    applied = msg.events.length;
    lastView = await session.view();
    scope.postMessage({ type: 'ready', replayed, view: lastView, ms: performance.now() - started });
    return;
  }
  if (!session) throw new Error('the session has not started');
  switch (msg.type) {
    case 'event': {
      waiting--;
      let output;
      try {
        output = await session.apply(msg.event);
      } catch (e) {
        // a bug in drydock, not in the student's command: said plainly, and the page goes on
        const message = e instanceof Error ? e.message : String(e);
        console.error(e);
        output = msg.event.kind === 'line' ? { line: msg.event.line, stdout: '', stderr: `drydock: internal error: ${message}\n`, exitCode: 125 } : undefined;
      }
      applied++;
      // the answer first: the page shows the next prompt while the checks run here
      scope.postMessage({ type: 'done', id: msg.id, ...(output ? { output } : {}), ms: performance.now() - started });
      await sendView();
      return;
    }
    case 'read':
      scope.postMessage({ type: 'file', id: msg.id, content: session.readHostFile(msg.path) });
      return;
    case 'complete': {
      const names = lastView?.names ?? { containers: [], images: [], volumes: [] };
      scope.postMessage({ type: 'completions', id: msg.id, ...complete(msg.line, names) });
      return;
    }
    case 'hand-in': {
      const folder = safeFolder(msg.folder);
      const zip = handInZip(session, folder, title);
      scope.postMessage({ type: 'hand-in', id: msg.id, zip, name: `${folder}.zip` }, [zip.buffer as ArrayBuffer]);
      return;
    }
  }
}

scope.onmessage = (event) => {
  if (event.data.type === 'event') waiting++;
  queue = queue.then(() => handle(event.data)).catch((e: unknown) => {
    scope.postMessage({ type: 'failed', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
  });
};
