// A small constructor for generated steps, so each family states only what differs: its argv, whether it is
// deliberately wrong, what it relies on and what it changes.

import type { FuzzStep, Model } from './model.js';

/** What a family gives for one step. */
export interface StepSpec {
  wrong?: boolean;
  holds?: (m: Model) => boolean;
  apply?: (m: Model) => void;
}

/** A FuzzStep with defaults: valid, relying on nothing, changing nothing. */
export function makeStep(family: string, argv: string[], spec: StepSpec = {}): FuzzStep {
  return { family, argv, wrong: spec.wrong ?? false, holds: spec.holds ?? (() => true), apply: spec.apply ?? (() => undefined) };
}

/** `name` with docker's default tag when it has none (how the model keys images). */
export function withTag(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1).includes(':') ? ref : `${ref}:latest`;
}
