// `inspect:` checks `docker inspect` of a container, image or volume: a JMESPath expression picks a value
// (`Mounts[?Destination=='/data'] | [0].RW`) and matchers test it; `contains:` with a mapping is a partial match
// of the whole document.

import jmespath from 'jmespath';
import { MATCHER_PROPERTIES, pickMatcher, runMatcher } from './matchers.js';
import { describeTarget, restOf, summarise, targetOf, targetSchema } from './target.js';
import { errorOutcome, outcome, type Assertion } from './types.js';

const target = targetSchema(['container', 'image', 'volume']);

interface InspectSpec {
  path?: string;
  [key: string]: unknown;
}

/** The `inspect` check kind. */
export const inspectAssertion: Assertion<InspectSpec> = {
  name: 'inspect',
  description: 'docker inspect of a container, image or volume: a JMESPath `path` and matchers (no matcher: the value exists)',
  schema: {
    type: 'object',
    properties: {
      ...target.properties,
      path: { type: 'string', minLength: 1, format: 'jmespath', description: "a JMESPath expression into the inspect document: Config.Env, Mounts[?Destination=='/data'] | [0].RW" },
      ...MATCHER_PROPERTIES,
    },
    additionalProperties: false,
    allOf: target.allOf,
  },
  describe(spec) {
    const rest = summarise(restOf(spec, ['path']));
    return `inspect ${describeTarget(targetOf(spec))}${spec.path ? ` ${spec.path}` : ''}${rest ? ` (${rest})` : ' exists'}`;
  },
  async run(spec, ctx) {
    try {
      const ref = targetOf(spec);
      const doc = await ctx.engine.inspect(ref);
      const value: unknown = spec.path ? jmespath.search(doc as never, spec.path) : doc;
      const matcher = pickMatcher(spec) ?? { exists: true };
      const subject = spec.path ? `${spec.path} of ${describeTarget(ref)}` : `inspect of ${describeTarget(ref)}`;
      return outcome(runMatcher(matcher, value, subject));
    } catch (e) {
      return errorOutcome(e);
    }
  },
};
