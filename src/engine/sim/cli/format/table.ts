// docker/cli's formatter.Context for list commands (ps, images, history, volume ls, network ls): `--format`
// chooses the default table, `table …` (a header row from the column map, aligned by tabwriter), a plain
// template per row, or `raw`; `-q` is `{{.ID}}`. 20.10 has no `--format json`: "json" is a literal template.

import { HEADER_FUNCS } from './docker-funcs.js';
import { DOCKER_TEMPLATE_FUNCS, executeGoTemplate, parseGoTemplate } from './go-template.js';
import { goStruct, withGoType, type GoMethod } from './go-value.js';
import { TemplateError } from './template-error.js';
import { tabulate } from './tabwriter.js';

/** One row: each column is a value or a method (`Label: (name) => …`), as docker's row contexts expose them. */
export type ListRow = Readonly<Record<string, unknown>>;

/** What a list command contributes to formatting. */
export interface ListSpec {
  /** The `table …` format used without `--format` (or with `--format table`). */
  defaultTable: string;
  /** Header text per field (the command's SubHeaderContext). */
  headers: Readonly<Record<string, string>>;
  /** Go type of a row, as "can't evaluate field X in type …" names it. */
  typeName: string;
  /** Format for `-q`; `{{.ID}}` unless given. */
  quietFormat?: string;
  /** Format for `--format raw`, for commands that have one. */
  rawFormat?: string;
  /** Format for `--format raw -q`. */
  rawQuietFormat?: string;
}

/** Flags that change the format. */
export interface ListOptions {
  quiet?: boolean;
}

/** The format docker ends up with (NewContainerFormat, NewImageFormat, …): table, quiet, raw or the user's. */
function resolveListFormat(format: string | undefined, spec: ListSpec, opts: ListOptions = {}): string {
  const source = format === undefined || format === '' ? 'table' : format;
  if (source === 'table') return opts.quiet ? (spec.quietFormat ?? '{{.ID}}') : spec.defaultTable;
  if (source === 'raw' && spec.rawFormat !== undefined) {
    return opts.quiet ? (spec.rawQuietFormat ?? spec.rawFormat) : spec.rawFormat;
  }
  return source;
}

/** A row as docker's template sees it: a struct whose columns are methods, JSON-encoded as a sorted map. */
function rowContext(row: ListRow, typeName: string, onCall?: (name: string) => void): object {
  const methods: Record<string, GoMethod> = {};
  for (const [name, value] of Object.entries(row)) {
    const call = typeof value === 'function' ? (value as GoMethod) : () => value;
    methods[name] = onCall ? withArity(call, (...args) => (onCall(name), call(...args))) : call;
  }
  return goStruct(typeName, {}, { methods, marshalAsMap: true });
}

function withArity(like: GoMethod, fn: GoMethod): GoMethod {
  Object.defineProperty(fn, 'length', { value: like.length });
  return fn;
}

/** The header row's data: the column map, plus SubHeaderContext's Label method (`.Label "a.b-c"` → `b c`). */
function headerContext(headers: Readonly<Record<string, string>>): object {
  const label = (name: unknown) => String(name).split('.').pop()?.replace(/[-_]/g, ' ') ?? '';
  return withGoType({ ...headers }, { kind: 'map', name: 'formatter.SubHeaderContext', zero: '', methods: { Label: label } });
}

/** formatter.Context.preFormat: drop `table`, trim spaces, turn `\t` and `\n` escapes into tabs and newlines. */
function finalFormat(format: string): { text: string; table: boolean } {
  const table = format.startsWith('table');
  const text = (table ? format.slice('table'.length) : format)
    .replace(/^ +| +$/g, '')
    .replace(/\\[tn]/g, (m) => (m === '\\t' ? '\t' : '\n'));
  return { text, table };
}

/** Render rows as docker does; a bad template throws TemplateError "template parsing error: …" (exit 1). */
export function renderList(rows: readonly ListRow[], format: string | undefined, spec: ListSpec, opts: ListOptions = {}): string {
  const { text, table } = finalFormat(resolveListFormat(format, spec, opts));
  const wrap = (e: unknown) => (e instanceof TemplateError ? e.wrap('template parsing error') : e);
  let tmpl;
  try {
    tmpl = parseGoTemplate(text);
  } catch (e) {
    throw wrap(e);
  }
  let body = '';
  for (const row of rows) {
    try {
      body += executeGoTemplate(tmpl, rowContext(row, spec.typeName)) + '\n';
    } catch (e) {
      throw wrap(e); // nothing is printed: docker writes the buffer only once every row succeeded
    }
  }
  if (!table) return body;
  let header: string;
  try {
    header = executeGoTemplate(tmpl, headerContext(spec.headers), { funcs: { ...DOCKER_TEMPLATE_FUNCS, ...HEADER_FUNCS } });
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    header = e.partial; // docker ignores the header's error and keeps what was written
  }
  return tabulate(header + '\n' + body);
}

/**
 * `docker ps --format` first runs the raw format once on an empty row to see which fields it uses (the Size
 * column makes the daemon compute sizes); its errors read "failed to parse template: …" / "failed to execute
 * template: …". Returns the fields the template called.
 */
export function preflightListTemplate(format: string, emptyRow: ListRow, typeName: string): Set<string> {
  const used = new Set<string>();
  let tmpl;
  try {
    tmpl = parseGoTemplate(format);
  } catch (e) {
    throw e instanceof TemplateError ? e.wrap('failed to parse template') : e;
  }
  try {
    executeGoTemplate(tmpl, rowContext(emptyRow, typeName, (name) => used.add(name)));
  } catch (e) {
    throw e instanceof TemplateError ? e.wrap('failed to execute template') : e;
  }
  return used;
}
