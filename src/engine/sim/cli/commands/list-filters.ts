// The daemon's side of `--filter` (moby api/types/filters, 20.10): which keys a listing accepts, the
// "Invalid filter" texts, and the matchers (Match: exact or an unanchored regexp; MatchKVList: every
// `label=k[=v]` must hold).

import type { FilterArgs } from '../../../../docker-cli/index.js';
import { makeLinearRegex } from '../../../../regex/make-regex.js';

/** invalidFilter's text: `Invalid filter 'key'`, or `Invalid filter 'key=[v]'` with Go's %s of the values. */
export function invalidFilter(key: string, values?: readonly string[] | string): string {
  if (values === undefined) return `Invalid filter '${key}'`;
  return `Invalid filter '${key}=${typeof values === 'string' ? values : `[${values.join(' ')}]`}'`;
}

/** filters.Validate: the first key the command does not accept, as its error text; null when all are accepted. */
export function unacceptedFilter(filters: FilterArgs, accepted: readonly string[]): string | null {
  for (const key of filters.keys()) if (!accepted.includes(key)) return invalidFilter(key);
  return null;
}

/**
 * filters.Match: a value equal to the source, or one that matches it as a regular expression anywhere. Go's
 * regexp has no back-references or lookarounds: such a value does not compile there, and matches nothing here
 * (it never runs on a backtracking matcher).
 */
export function filterMatch(values: readonly string[], source: string): boolean {
  return values.some((v) => v === source || makeLinearRegex(v)?.test(source) === true);
}

/** filters.MatchKVList: every `k` or `k=v` of the filter holds in the labels (no labels match nothing). */
export function matchKVList(values: readonly string[] | undefined, labels: Readonly<Record<string, string>> | null | undefined): boolean {
  if (!values || values.length === 0) return true;
  if (!labels || Object.keys(labels).length === 0) return false;
  return values.every((value) => {
    const eq = value.indexOf('=');
    const key = eq === -1 ? value : value.slice(0, eq);
    if (!Object.prototype.hasOwnProperty.call(labels, key)) return false;
    return eq === -1 || labels[key] === value.slice(eq + 1);
  });
}

/** A boolean filter's value as the volume and image listings read it; null when it is neither. */
export function boolFilter(values: readonly string[], truthy: readonly string[], falsy: readonly string[]): boolean | null {
  if (values.some((v) => truthy.includes(v))) return true;
  if (values.some((v) => falsy.includes(v))) return false;
  return null;
}
