// What every check kind shares: its registration (name, schema fragment, title, run) and its result as data.
// A failed check is a CheckOutcome with failures, never an exception; a check that could not look (an engine
// error, a missing container) is `error`.

import type { Engine } from '../engine/engine.js';

/** One reason a check or a step expectation failed. */
export interface Failure {
  message: string;
  expected?: unknown;
  actual?: unknown;
  /** unified diff of expected and actual, when it helps */
  diff?: string;
}

/** The result of one check. */
export interface CheckOutcome {
  status: 'passed' | 'failed' | 'error';
  failures: Failure[];
}

/** What a check can use: the engine's read facet (and docker commands for listings). */
export interface CheckContext {
  engine: Engine;
  /** the sandbox host directory relative host paths are resolved against */
  hostDir: string;
}

/** A JSON Schema fragment (plain data merged into schemas/scenario.schema.json). */
export type SchemaFragment = Record<string, unknown>;

/** A check kind: the key it is written under in `checks:`, its schema, and how it runs. */
export interface Assertion<S = Record<string, unknown>> {
  name: string;
  description: string;
  schema: SchemaFragment;
  /** a one-line title for reports: `file dc03:/data/x.txt exists` */
  describe(spec: S): string;
  run(spec: S, ctx: CheckContext): Promise<CheckOutcome>;
}

/** The outcome for a list of failures. */
export function outcome(failures: Failure[]): CheckOutcome {
  return { status: failures.length === 0 ? 'passed' : 'failed', failures };
}

/** The outcome of a check that could not look. */
export function errorOutcome(error: unknown): CheckOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'error', failures: [{ message }] };
}
