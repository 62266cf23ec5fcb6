// `--filter key=value` as docker's filters.ParseFlag reads it: the key is trimmed and lower-cased, the value
// trimmed, and repeated keys collect several values (`--filter name=a --filter name=b` matches either).

/** The error text of a filter without "=" (after `invalid argument "x" for "-f, --filter" flag: `). */
const BAD_FILTER_FORMAT = 'bad format of filter (expected name=value)';

/** Filters by key, each with its values in the order given. */
export type FilterArgs = Map<string, string[]>;

/** filters.ParseFlag for one value; undefined means accepted. */
export function checkFilter(arg: string): string | undefined {
  return arg === '' || arg.includes('=') ? undefined : BAD_FILTER_FORMAT;
}

/** Collects the raw `--filter` values of a command into filter args (empty values are ignored, as docker does). */
export function parseFilters(args: readonly string[]): { ok: true; filters: FilterArgs } | { ok: false; error: string } {
  const filters: FilterArgs = new Map();
  for (const arg of args) {
    if (arg === '') continue;
    const bad = checkFilter(arg);
    if (bad !== undefined) return { ok: false, error: bad };
    const eq = arg.indexOf('=');
    const name = arg.slice(0, eq).trim().toLowerCase();
    const value = arg.slice(eq + 1).trim();
    const values = filters.get(name) ?? [];
    if (!values.includes(value)) values.push(value);
    filters.set(name, values);
  }
  return { ok: true, filters };
}
