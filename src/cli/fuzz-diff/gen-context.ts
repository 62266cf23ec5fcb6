// What the command generators share while one sequence is made: the random source, the model, fresh names
// (prefixed so every object is recognisably the tester's) and the host files the sequence needs written first.

import type { Model } from './model.js';
import type { Rng } from './rng.js';

/** The prefix of every name the tester makes (the real engine is shared with other users). */
const NAME_PREFIX = 'h11c-';

/** Generation state of one sequence. */
export class GenContext {
  private counter = 0;
  /** host files (relative path → content) written before the sequence runs */
  readonly files = new Map<string, string>();

  constructor(
    readonly rng: Rng,
    readonly model: Model,
  ) {}

  /** A name never used before in this sequence. */
  fresh(kind: string): string {
    this.counter++;
    return `${NAME_PREFIX}${kind}${this.counter}`;
  }

  /** A reference for a new image (`repo:tag` or a bare repo). */
  freshImage(): string {
    const name = this.fresh('img');
    return this.rng.chance(0.6) ? `${name}:v${this.rng.int(1, 3)}` : name;
  }
}
