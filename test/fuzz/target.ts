// What a fuzz target is: a generator of inputs and a runner that may answer anything (an error message, a
// problem list, a non-zero exit) except a thrown error that is not one of drydock's own: that is a bug.
// Targets register here, so other areas (archives, state directories) plug theirs in without touching the runner.

import type { Rng } from '../../src/cli/fuzz-diff/rng.js';

/** One kind of input and how to feed it to drydock. */
export interface FuzzTarget<I = unknown> {
  name: string;
  /** a fresh input from the generator */
  generate(rng: Rng): I;
  /** feeds the input; throws only for an internal error (the runner catches and records it) */
  run(input: I): void | Promise<void>;
  /** the input as a short reproducible text for the report */
  show(input: I): string;
  /** state to drop every so many inputs (a simulator that grew); optional */
  reset?(): void;
}

const registry = new Map<string, FuzzTarget<never>>();

/** Adds a target (by name: a second registration replaces the first). */
export function registerFuzzTarget<I>(target: FuzzTarget<I>): void {
  registry.set(target.name, target as unknown as FuzzTarget<never>);
}

/** Every registered target, in registration order. */
export function fuzzTargets(): FuzzTarget<unknown>[] {
  return [...registry.values()] as unknown as FuzzTarget<unknown>[];
}
