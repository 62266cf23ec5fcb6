// `volumes:` checks which volumes exist and how many `docker volume ls` lists.

import { listingProperties, presenceFailures } from './listing.js';
import { summarise } from './target.js';
import { errorOutcome, outcome, type Assertion } from './types.js';

interface VolumesSpec {
  present?: string[];
  absent?: string[];
  count?: unknown;
  filter?: string[];
}

/** The `volumes` check kind. */
export const volumesAssertion: Assertion<VolumesSpec> = {
  name: 'volumes',
  description: 'volumes present or absent, and their count as `docker volume ls` lists them (with optional filters)',
  schema: { type: 'object', properties: listingProperties('volume'), additionalProperties: false, minProperties: 1 },
  describe: (spec) => `volumes (${summarise(spec as Record<string, unknown>)})`,
  async run(spec, ctx) {
    try {
      return outcome(await presenceFailures(ctx, 'volume', spec, ['volume', 'ls', '--format', '{{.Name}}']));
    } catch (e) {
      return errorOutcome(e);
    }
  },
};
