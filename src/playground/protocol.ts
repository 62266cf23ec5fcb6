// The messages between the page and the simulator's worker (plain data only: they cross postMessage).

import type { PlaygroundExercise } from './exercise-data.js';

/** Something the student did, kept (with the time it was done) so a reload can replay it. */
export type SessionEvent =
  | { kind: 'line'; line: string; at: number }
  | { kind: 'write'; path: string; content: string; at: number };

/** A check as the page shows it; a hidden one carries only its points. */
export interface CheckView {
  index: number;
  points: number;
  status: 'passed' | 'failed' | 'error' | 'pending' | 'hidden' | 'skipped';
  title?: string;
  hint?: string;
  failures?: { message: string; expected?: string; actual?: string }[];
}

/** What the page shows after every command. */
export interface SessionView {
  checks: CheckView[];
  /** earned on the visible checks, out of their points */
  score: number;
  outOf: number;
  hiddenPoints: number;
  /** host files the editor can open */
  files: string[];
  /** names for Tab completion */
  names: { containers: string[]; images: string[]; volumes: string[] };
}

/** What one command printed. */
export interface LineOutput {
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Page → worker. */
export type ToWorker =
  | { type: 'init'; exercise: PlaygroundExercise | null; createdAt: number; events: SessionEvent[] }
  | { type: 'event'; id: number; event: SessionEvent }
  | { type: 'read'; id: number; path: string }
  | { type: 'complete'; id: number; line: string }
  | { type: 'hand-in'; id: number; folder: string };

/** Worker → page. */
export type FromWorker =
  | { type: 'ready'; replayed: LineOutput[]; view: SessionView; ms: number }
  /** an event applied (`ms`: the worker's time on it); its checks follow in a `view` */
  | { type: 'done'; id: number; output?: LineOutput; ms: number }
  /** the checks after the first `events` events (sent after `done`, so the prompt never waits for them) */
  | { type: 'view'; view: SessionView; events: number; ms: number }
  | { type: 'file'; id: number; content: string | null }
  | { type: 'completions'; id: number; items: string[]; start: number }
  | { type: 'hand-in'; id: number; zip: Uint8Array; name: string }
  | { type: 'failed'; message: string };
