// `dir:` checks a directory's entries: names (or globs) it must include or exclude, its exact list, its count.

import picomatch from 'picomatch';
import { runMatcher } from './matchers.js';
import { describeTarget, resolvePath, restOf, summarise, targetOf, targetSchema } from './target.js';
import { valueDiff } from './text-diff.js';
import { errorOutcome, outcome, type Assertion, type Failure } from './types.js';

const target = targetSchema(['container', 'image', 'volume', 'host']);
const names = { type: 'array', items: { type: 'string', minLength: 1 } };

interface DirSpec {
  path: string;
  include?: string[];
  exclude?: string[];
  equals?: string[];
  count?: unknown;
  [key: string]: unknown;
}

function matcherFor(pattern: string): (name: string) => boolean {
  if (!/[*?[\]{}!]/.test(pattern)) return (name) => name === pattern;
  const isMatch = picomatch(pattern, { dot: true });
  return (name) => isMatch(name);
}

/** The `dir` check kind. */
export const dirAssertion: Assertion<DirSpec> = {
  name: 'dir',
  description: "a directory's entries: include, exclude (names or globs), equals (the exact list), count",
  schema: {
    type: 'object',
    properties: {
      ...target.properties,
      path: { type: 'string', minLength: 1 },
      include: { ...names, description: 'names or globs that must each match an entry' },
      exclude: { ...names, description: 'names or globs no entry may match' },
      equals: { ...names, description: 'the exact entries, in any order' },
      count: { $ref: '#/$defs/matcher', description: 'the number of entries' },
    },
    required: ['path'],
    additionalProperties: false,
    allOf: target.allOf,
  },
  describe(spec) {
    const rest = summarise(restOf(spec, ['path']));
    return `dir ${describeTarget(targetOf(spec))}:${spec.path}${rest ? ` (${rest})` : ' exists'}`;
  },
  async run(spec, ctx) {
    try {
      const ref = targetOf(spec);
      const path = resolvePath(ref, spec.path, ctx.hostDir);
      const where = `${path} in ${describeTarget(ref)}`;
      const st = await ctx.engine.stat(ref, path);
      if (!st) return outcome([{ message: `${where} does not exist`, expected: 'dir', actual: 'absent' }]);
      if (st.kind !== 'dir') return outcome([{ message: `${where} is a ${st.kind}, not a directory`, expected: 'dir', actual: st.kind }]);
      const entries = (await ctx.engine.readDir(ref, path)).map((e) => e.name).sort();
      const failures: Failure[] = [];
      for (const pattern of spec.include ?? []) {
        if (!entries.some(matcherFor(pattern))) failures.push({ message: `${where} has no entry ${pattern}`, expected: pattern, actual: entries });
      }
      for (const pattern of spec.exclude ?? []) {
        const found = entries.filter(matcherFor(pattern));
        if (found.length > 0) failures.push({ message: `${where} has ${found.join(', ')}, which it must not`, expected: `no ${pattern}`, actual: entries });
      }
      if (spec.equals) {
        const expected = [...spec.equals].sort();
        if (expected.join('\0') !== entries.join('\0')) {
          failures.push({ message: `entries of ${where} differ`, expected, actual: entries, diff: valueDiff(expected.join('\n'), entries.join('\n')) || valueDiff(expected, entries) });
        }
      }
      if (spec.count !== undefined) failures.push(...runMatcher(spec.count, entries.length, `number of entries in ${where}`));
      return outcome(failures);
    } catch (e) {
      return errorOutcome(e);
    }
  },
};
