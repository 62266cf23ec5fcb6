// `containers:` checks which containers exist, which are running or stopped, and how many `docker ps -a` lists.

import { listingProperties, presenceFailures, probe } from './listing.js';
import { summarise } from './target.js';
import { errorOutcome, outcome, type Assertion, type Failure } from './types.js';

interface ContainersSpec {
  present?: string[];
  absent?: string[];
  running?: string[];
  stopped?: string[];
  count?: unknown;
  filter?: string[];
}

const names = { type: 'array', items: { type: 'string', minLength: 1 } };

/** The `containers` check kind. */
export const containersAssertion: Assertion<ContainersSpec> = {
  name: 'containers',
  description: 'containers present, absent, running or stopped, and their count as `docker ps -a` lists them',
  schema: {
    type: 'object',
    properties: {
      ...listingProperties('container'),
      running: { ...names, description: 'containers that must exist and be running' },
      stopped: { ...names, description: 'containers that must exist and not be running' },
    },
    additionalProperties: false,
    minProperties: 1,
  },
  describe: (spec) => `containers (${summarise(spec as Record<string, unknown>)})`,
  async run(spec, ctx) {
    try {
      const failures: Failure[] = await presenceFailures(ctx, 'container', spec, ['ps', '-a', '--format', '{{.Names}}']);
      const state = async (name: string, want: 'running' | 'stopped') => {
        const running = await probe(ctx, 'container', name, '{{.State.Running}}');
        if (running === undefined) failures.push({ message: `container ${name} does not exist`, expected: want, actual: 'absent' });
        else if ((running === 'true') !== (want === 'running')) {
          const actual = running === 'true' ? 'running' : 'stopped';
          failures.push({ message: `container ${name} is ${actual}`, expected: want, actual });
        }
      };
      for (const name of spec.running ?? []) await state(name, 'running');
      for (const name of spec.stopped ?? []) await state(name, 'stopped');
      return outcome(failures);
    } catch (e) {
      return errorOutcome(e);
    }
  },
};
