// The check kinds a scenario can use, by name (venom's executor registry, typed). The built-in kinds are
// registered here; the scenario schema is assembled from the same list (see cli/schema-build.ts).

import { containersAssertion } from './containers-check.js';
import { diffAssertion } from './diff-check.js';
import { dirAssertion } from './dir-check.js';
import { fileAssertion } from './file-check.js';
import { imagesAssertion } from './images-check.js';
import { inspectAssertion } from './inspect-check.js';
import type { Assertion } from './types.js';
import { volumesAssertion } from './volumes-check.js';

/** A set of check kinds, looked up by the key a check is written under. */
export class AssertionRegistry {
  private readonly byName = new Map<string, Assertion>();

  register<S>(assertion: Assertion<S>): this {
    if (this.byName.has(assertion.name)) throw new Error(`check kind ${assertion.name} is registered twice`);
    this.byName.set(assertion.name, assertion as unknown as Assertion);
    return this;
  }

  get(name: string): Assertion | undefined {
    return this.byName.get(name);
  }

  all(): Assertion[] {
    return [...this.byName.values()];
  }
}

/** The built-in check kinds, in the order the schema and the docs list them. */
export function builtinAssertions(): AssertionRegistry {
  return new AssertionRegistry()
    .register(fileAssertion)
    .register(dirAssertion)
    .register(inspectAssertion)
    .register(imagesAssertion)
    .register(containersAssertion)
    .register(volumesAssertion)
    .register(diffAssertion);
}
