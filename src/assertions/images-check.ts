// `images:` checks which images exist (by reference or ID) and how many `docker images` lists.

import { listingProperties, presenceFailures } from './listing.js';
import { summarise } from './target.js';
import { errorOutcome, outcome, type Assertion } from './types.js';

interface ImagesSpec {
  present?: string[];
  absent?: string[];
  count?: unknown;
  filter?: string[];
}

/** The `images` check kind. */
export const imagesAssertion: Assertion<ImagesSpec> = {
  name: 'images',
  description: 'images present or absent, and their count as `docker images` lists them (with optional filters)',
  schema: { type: 'object', properties: listingProperties('image'), additionalProperties: false, minProperties: 1 },
  describe: (spec) => `images (${summarise(spec as Record<string, unknown>)})`,
  async run(spec, ctx) {
    try {
      return outcome(await presenceFailures(ctx, 'image', spec, ['images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}']));
    } catch (e) {
      return errorOutcome(e);
    }
  },
};
