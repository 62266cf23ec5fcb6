// The matchers every check and step expectation shares: equals, contains, notContains, matches, oneOf, exists,
// length, lines. A matcher is a plain value (shorthand for `equals`) or a mapping of matcher keys, all of which
// must hold. Results are failures as data, with expected, actual and a diff where it helps.

import { compileRegex } from './regex.js';
import { valueDiff } from './text-diff.js';
import type { Failure, SchemaFragment } from './types.js';

/** The keys of a matcher mapping. */
const MATCHER_KEYS = ['equals', 'contains', 'notContains', 'matches', 'oneOf', 'exists', 'length', 'lines'] as const;

/** The schema of each matcher key (merged into check fragments that take matcher keys inline). */
export const MATCHER_PROPERTIES: Record<(typeof MATCHER_KEYS)[number], SchemaFragment> = {
  equals: { description: 'equal to this value (text, number, list or mapping)' },
  contains: { description: 'text: has this substring (or each of a list); list: has this element; mapping: has these keys and values (a partial match)' },
  notContains: { description: 'the opposite of contains' },
  matches: {
    type: ['string', 'array'],
    format: 'regex',
    items: { type: 'string', format: 'regex' },
    description: 'matches this regular expression (or each of a list): `^sha256:` or `/hello/i`',
  },
  oneOf: { type: 'array', description: 'equal to one of these values' },
  exists: { type: 'boolean', description: 'true: the value is there (not null); false: it is not' },
  length: { $ref: '#/$defs/matcher', description: 'the length of the text or list (or the number of keys)' },
  lines: { $ref: '#/$defs/matcher', description: 'the text as a list of lines (without the final newline)' },
};

/** `$defs` entries for the scenario schema: `matcher` (value or mapping) and `matcherObject`. */
export const MATCHER_DEFS: Record<string, SchemaFragment> = {
  matcher: {
    description: 'a value (the actual value must equal it) or a mapping of matchers that must all hold',
    if: { type: 'object' },
    then: { $ref: '#/$defs/matcherObject' },
  },
  matcherObject: {
    type: 'object',
    properties: MATCHER_PROPERTIES,
    additionalProperties: false,
    minProperties: 1,
  },
};

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A matcher as a mapping of matcher keys (a plain value means `equals`). */
export function normaliseMatcher(spec: unknown): Obj {
  return isObj(spec) ? spec : { equals: spec };
}

/** The matcher keys present in a spec that also holds other keys (inspect's `equals:` beside `path:`). */
export function pickMatcher(spec: Obj): Obj | undefined {
  const m: Obj = {};
  for (const k of MATCHER_KEYS) if (k in spec) m[k] = spec[k];
  return Object.keys(m).length > 0 ? m : undefined;
}

/** Equality of JSON values; a number or boolean expected against actual text compares as text. */
export function deepEqual(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string' && (typeof expected === 'number' || typeof expected === 'boolean')) return actual === String(expected);
  if (actual === expected) return true;
  if (Array.isArray(actual) && Array.isArray(expected)) return actual.length === expected.length && actual.every((a, i) => deepEqual(a, expected[i]));
  if (isObj(actual) && isObj(expected)) {
    const ka = Object.keys(actual);
    const ke = Object.keys(expected);
    return ka.length === ke.length && ke.every((k) => k in actual && deepEqual(actual[k], expected[k]));
  }
  return (actual === null || actual === undefined) && (expected === null || expected === undefined);
}

/** Partial match: every key (and element) of `expected` is in `actual`, recursively. */
export function partialMatch(actual: unknown, expected: unknown): boolean {
  if (isObj(expected)) return isObj(actual) && Object.entries(expected).every(([k, v]) => partialMatch(actual[k], v));
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.every((e) => actual.some((a) => partialMatch(a, e)));
  return deepEqual(actual, expected);
}

/** `actual` cut down to the shape of `expected`, so a diff of a partial match shows only what was asked for. */
export function projectOnto(actual: unknown, expected: unknown): unknown {
  if (isObj(expected) && isObj(actual)) {
    const out: Obj = {};
    for (const k of Object.keys(expected)) if (k in actual) out[k] = projectOnto(actual[k], expected[k]);
    return out;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return expected.map((e, i) => {
      const found = actual.find((a) => partialMatch(a, e));
      return projectOnto(found ?? actual[i], e);
    });
  }
  return actual;
}

/** A short rendering of a value for messages. */
function show(v: unknown, max = 60): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'nothing' : (JSON.stringify(v) ?? String(v));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Text split into lines, without the empty string after a final newline. */
export function toLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function contains(actual: unknown, expected: unknown): { ok: boolean; reason?: string } {
  if (typeof actual === 'string') {
    const needles = Array.isArray(expected) ? expected : [expected];
    const missing = needles.filter((n) => !actual.includes(String(n)));
    return { ok: missing.length === 0 };
  }
  if (Array.isArray(actual)) {
    const needles = Array.isArray(expected) ? expected : [expected];
    return { ok: needles.every((n) => actual.some((a) => partialMatch(a, n))) };
  }
  if (isObj(actual)) return { ok: partialMatch(actual, expected) };
  return { ok: false, reason: `cannot look inside ${show(actual)}` };
}

function lengthOf(v: unknown): number | undefined {
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (isObj(v)) return Object.keys(v).length;
  return undefined;
}

function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Runs a matcher (a value or a mapping of matcher keys) against `actual`; `subject` names it in messages. */
export function runMatcher(spec: unknown, actual: unknown, subject: string): Failure[] {
  const m = normaliseMatcher(spec);
  const failures: Failure[] = [];
  const fail = (message: string, expected: unknown, got: unknown, diff = '') => {
    const f: Failure = { message, expected, actual: got };
    if (diff) f.diff = diff;
    failures.push(f);
  };
  if ('equals' in m && !deepEqual(actual, m.equals)) {
    const newlineOnly = typeof actual === 'string' && typeof m.equals === 'string' && actual.replace(/\n$/, '') === m.equals.replace(/\n$/, '');
    fail(`${subject} is not equal to the expected value${newlineOnly ? ' (they differ only in a final newline)' : ''}`, m.equals, actual, valueDiff(m.equals, actual));
  }
  if ('contains' in m) {
    const r = contains(actual, m.contains);
    if (!r.ok) {
      const diff = isObj(actual) && isObj(m.contains) ? valueDiff(m.contains, projectOnto(actual, m.contains)) : '';
      fail(`${subject} does not contain ${show(m.contains)}${r.reason ? `: ${r.reason}` : ''}`, m.contains, actual, diff);
    }
  }
  if ('notContains' in m) {
    const needles = Array.isArray(m.notContains) && !Array.isArray(actual) ? m.notContains : [m.notContains];
    const found = needles.filter((n) => contains(actual, n).ok);
    if (found.length > 0) fail(`${subject} contains ${show(found.length === 1 ? found[0] : found)}, which it must not`, m.notContains, actual);
  }
  if ('matches' in m) {
    const text = asText(actual);
    for (const source of Array.isArray(m.matches) ? m.matches : [m.matches]) {
      if (text === undefined) fail(`${subject} is ${show(actual)}, not text to match /${String(source)}/`, source, actual);
      else if (!compileRegex(String(source)).test(text)) fail(`${subject} does not match /${String(source)}/`, source, actual);
    }
  }
  if ('oneOf' in m && Array.isArray(m.oneOf) && !m.oneOf.some((o) => deepEqual(actual, o))) {
    fail(`${subject} is none of ${show(m.oneOf)}`, m.oneOf, actual);
  }
  if ('exists' in m) {
    const present = actual !== null && actual !== undefined;
    if (m.exists === true && !present) fail(`${subject} does not exist`, 'a value', actual ?? null);
    if (m.exists === false && present) fail(`${subject} exists, and should not`, null, actual);
  }
  if ('length' in m) {
    const n = lengthOf(actual);
    if (n === undefined) fail(`${subject} has no length: it is ${show(actual)}`, m.length, actual);
    else failures.push(...runMatcher(m.length, n, `length of ${subject}`));
  }
  if ('lines' in m) {
    const text = asText(actual);
    if (text === undefined) fail(`${subject} is ${show(actual)}, not text`, m.lines, actual);
    else failures.push(...runMatcher(m.lines, toLines(text), `lines of ${subject}`));
  }
  return failures;
}
