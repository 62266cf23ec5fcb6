// One random command sequence from a seed: the host files it needs and 8-15 docker commands chosen by family
// weight, about one in five deliberately wrong, each valid (or wrong) against the model as it stands when it
// is generated. The same seed always gives the same sequence.

import { CONTAINER_FAMILIES, type FamilyGen } from './container-families.js';
import { GenContext } from './gen-context.js';
import { IMAGE_FAMILIES } from './image-families.js';
import { cloneModel, initialModel, type FuzzStep, type Model } from './model.js';
import { QUERY_FAMILIES } from './query-families.js';
import { Rng } from './rng.js';

/** Every family the generator knows, by name. */
export const FAMILIES: Record<string, FamilyGen> = { ...CONTAINER_FAMILIES, ...IMAGE_FAMILIES, ...QUERY_FAMILIES };

const WEIGHTS: Record<string, number> = {
  run: 3,
  create: 1.2,
  start: 1,
  stop: 0.8,
  kill: 0.6,
  rm: 1,
  exec: 1.5,
  pause: 0.5,
  unpause: 0.5,
  logs: 0.7,
  wait: 0.5,
  diff: 1.2,
  rename: 0.5,
  commit: 1,
  build: 1.2,
  tag: 0.7,
  rmi: 0.8,
  history: 0.7,
  images: 0.7,
  save: 0.5,
  load: 0.5,
  export: 0.6,
  import: 0.6,
  'cp-from': 1,
  'cp-to': 1,
  inspect: 1,
  ps: 1,
  'volume-create': 0.4,
  'volume-ls': 0.4,
  'volume-inspect': 0.3,
  'volume-rm': 0.4,
};

/** The host folder every sequence starts with (relative to the working directory). */
const HOST_FILES: Record<string, string> = { 'data/a.txt': 'a\n', 'data/b.txt': 'bb\n', 'data/sub/c.txt': 'ccc\n', 'out/.keep': '' };

/** A generated sequence. */
export interface Sequence {
  seed: number;
  /** host files written before the first command (relative path → content) */
  files: Record<string, string>;
  steps: FuzzStep[];
}

/** Options of the generator. */
export interface GenerateOptions {
  /** fewest and most commands (default 8 and 15) */
  minSteps?: number;
  maxSteps?: number;
  /** share of deliberately wrong commands (default 0.2) */
  wrongRate?: number;
}

/** The sequence of one seed. */
export function generateSequence(seed: number, options: GenerateOptions = {}): Sequence {
  const rng = new Rng(seed);
  const g = new GenContext(rng, initialModel(Object.keys(HOST_FILES).filter((f) => !f.endsWith('.keep'))));
  const length = rng.int(options.minSteps ?? 8, options.maxSteps ?? 15);
  const steps: FuzzStep[] = [];
  const entries = Object.entries(WEIGHTS) as [string, number][];
  let attempts = 0;
  while (steps.length < length && attempts++ < length * 20) {
    // an empty engine mostly gets something to work on first
    const family = Object.keys(g.model.containers).length === 0 && rng.chance(0.6) ? 'run' : rng.weighted(entries);
    const wrong = rng.chance(options.wrongRate ?? 0.2);
    const step = FAMILIES[family]!(g, wrong);
    if (step === undefined) continue;
    steps.push(step);
    if (!step.wrong) step.apply(g.model);
  }
  return { seed, files: { ...HOST_FILES, ...Object.fromEntries(g.files) }, steps };
}

/**
 * Replays the model over `steps`; true when every step's assumption still holds (the shrinker keeps only such
 * candidates, so a shortened sequence means what the original meant).
 */
export function replayHolds(steps: readonly FuzzStep[], start: Model = initialModel(Object.keys(HOST_FILES).filter((f) => !f.endsWith('.keep')))): boolean {
  const m = cloneModel(start);
  for (const s of steps) {
    if (!s.holds(m)) return false;
    if (!s.wrong) s.apply(m);
  }
  return true;
}
