// IDs for containers, anonymous volumes and exec sessions: 64 hex digits like Docker's, but drawn from a seeded
// sequence so that a fresh state always hands out the same IDs in the same order.

import { sha256Hex } from '../layer/digest.js';

/** A deterministic source of 64-hex IDs. */
export class IdSource {
  private counter = 0;

  constructor(private readonly seed = 'drydock') {}

  next(kind: string): string {
    this.counter += 1;
    return sha256Hex(`${this.seed}/${kind}/${this.counter}`);
  }

  /** For saving and restoring a state. */
  get position(): number {
    return this.counter;
  }

  set position(value: number) {
    this.counter = value;
  }
}
