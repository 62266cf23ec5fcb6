// `diff:` checks `docker diff` of a container: paths (or globs) that must show as added (A), changed (C) or
// deleted (D), paths that must not show at all, and with `exact: true` that nothing else changed.

import picomatch from 'picomatch';
import { list } from './listing.js';
import { restOf, summarise } from './target.js';
import { unifiedDiff } from './text-diff.js';
import { errorOutcome, outcome, type Assertion, type Failure } from './types.js';

const paths = { type: 'array', items: { type: 'string', minLength: 1 } };
const KINDS = { added: 'A', changed: 'C', deleted: 'D' } as const;

interface DiffSpec {
  container: string;
  added?: string[];
  changed?: string[];
  deleted?: string[];
  unchanged?: string[];
  exact?: boolean;
}

function matcherFor(pattern: string): (path: string) => boolean {
  if (!/[*?[\]{}!]/.test(pattern)) return (p) => p === pattern;
  const isMatch = picomatch(pattern, { dot: true });
  return (p) => isMatch(p);
}

/** The `diff` check kind. */
export const diffAssertion: Assertion<DiffSpec> = {
  name: 'diff',
  description: "docker diff of a container: paths added (A), changed (C) or deleted (D), paths unchanged, or the exact list",
  schema: {
    type: 'object',
    properties: {
      container: { type: 'string', minLength: 1 },
      added: { ...paths, description: 'paths (or globs) docker diff must show as A' },
      changed: { ...paths, description: 'paths (or globs) docker diff must show as C' },
      deleted: { ...paths, description: 'paths (or globs) docker diff must show as D' },
      unchanged: { ...paths, description: 'paths (or globs) docker diff must not show' },
      exact: { type: 'boolean', description: 'true: docker diff shows nothing but the listed paths' },
    },
    required: ['container'],
    additionalProperties: false,
  },
  describe: (spec) => `diff ${spec.container} (${summarise(restOf(spec as unknown as Record<string, unknown>, []))})`,
  async run(spec, ctx) {
    try {
      const lines = await list(ctx, ['diff', spec.container]);
      const changes = lines.map((l) => ({ kind: l.slice(0, 1), path: l.slice(2) }));
      const failures: Failure[] = [];
      const accounted = new Set<number>();
      for (const [key, letter] of Object.entries(KINDS) as [keyof typeof KINDS, string][]) {
        for (const pattern of spec[key] ?? []) {
          const match = matcherFor(pattern);
          const hits = changes.flatMap((c, i) => (match(c.path) ? [i] : []));
          const right = hits.filter((i) => changes[i]?.kind === letter);
          right.forEach((i) => accounted.add(i));
          if (right.length === 0) {
            const other = hits.map((i) => `${changes[i]?.kind} ${changes[i]?.path}`);
            const actual = other.length > 0 ? other.join(', ') : 'not in docker diff';
            failures.push({ message: `${pattern} is not ${key} (${letter}) in ${spec.container}: ${actual}`, expected: `${letter} ${pattern}`, actual: lines });
          }
        }
      }
      for (const pattern of spec.unchanged ?? []) {
        const match = matcherFor(pattern);
        const hits = lines.filter((_, i) => match(changes[i]?.path ?? ''));
        if (hits.length > 0) failures.push({ message: `${pattern} changed in ${spec.container}: ${hits.join(', ')}`, expected: 'unchanged', actual: hits });
      }
      if (spec.exact) {
        const extra = lines.filter((_, i) => !accounted.has(i));
        if (extra.length > 0) {
          const expected = lines.filter((_, i) => accounted.has(i));
          failures.push({ message: `docker diff ${spec.container} shows more than the listed changes`, expected, actual: lines, diff: unifiedDiff(expected.join('\n'), lines.join('\n')) });
        }
      }
      return outcome(failures);
    } catch (e) {
      return errorOutcome(e);
    }
  },
};
