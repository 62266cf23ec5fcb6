// encoding/json as docker's template `json` function uses it: compact, no HTML escaping (docker turns it off,
// so `{{json .Author}}` prints "A U Thor <a@b.c>"), map keys sorted, struct fields in declaration order.
// A row of `docker ps --format '{{json .}}'` is the exception: its MarshalJSON goes through json.Marshal,
// which escapes <, > and & as \u003c, \u003e, \u0026.

import { formatFloatJson } from './go-float.js';
import {
  GoFloat,
  GoNil,
  GoStringer,
  JsonNumber,
  compareGoStrings,
  goKind,
  goTypeOf,
  type GoTypeInfo,
} from './go-value.js';

/** Thrown for what encoding/json refuses (NaN, infinities), so the caller can print nothing as docker does. */
export class JsonUnsupportedError extends Error {}

const HEX = '0123456789abcdef';

/** A JSON string literal as encoding/json writes it. */
function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || (escapeHTML && (ch === '<' || ch === '>' || ch === '&'))) {
      out += '\\u00' + HEX[cp >> 4] + HEX[cp & 0xf];
    } else if (cp === 0x2028 || cp === 0x2029) out += '\\u' + cp.toString(16);
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

function jsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new JsonUnsupportedError(`json: unsupported value: ${n}`);
  return goKind(n) === 'int' ? BigInt(n).toString() : formatFloatJson(n);
}

/** Marshal a template value the way Go would marshal the Go value it stands for. */
export function goJson(v: unknown, escapeHTML = false): string {
  if (v === undefined || v === null || v instanceof GoNil) return 'null';
  if (v instanceof GoFloat) {
    if (!Number.isFinite(v.value)) throw new JsonUnsupportedError(`json: unsupported value: ${v.value}`);
    return formatFloatJson(v.value);
  }
  if (v instanceof JsonNumber) return v.text;
  if (v instanceof GoStringer) return goJson(v.json, escapeHTML);
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return jsonNumber(v);
    case 'bigint':
      return v.toString();
    case 'string':
      return jsonString(v, escapeHTML);
    case 'object':
      break;
    default:
      return 'null';
  }
  if (Array.isArray(v)) return '[' + v.map((e) => goJson(e, escapeHTML)).join(',') + ']';
  const info = goTypeOf(v);
  const escape = escapeHTML || info?.marshalAsMap === true;
  const keys = objectKeys(v as Record<string, unknown>, info);
  const parts = keys.map(([k, val]) => jsonString(k, escape) + ':' + goJson(val, escape));
  return '{' + parts.join(',') + '}';
}

function objectKeys(obj: Record<string, unknown>, info: GoTypeInfo | undefined): [string, unknown][] {
  if (info?.marshalAsMap) {
    // docker's formatter.MarshalJSON: every exported method without arguments, as a sorted map
    const entries = Object.entries(info.methods ?? {})
      .filter(([, fn]) => fn.length === 0)
      .map(([k, fn]): [string, unknown] => [k, fn()]);
    return entries.sort(([a], [b]) => compareGoStrings(a, b));
  }
  const rename = info?.jsonNames ?? {};
  const omit = new Set(info?.jsonOmit ?? []);
  const entries = Object.entries(obj)
    .filter(([k, val]) => typeof val !== 'function' && !omit.has(k))
    .map(([k, val]): [string, unknown] => [rename[k] ?? k, val]);
  // A plain object mirrors a Go struct (docker's inspect shapes keep Go's field order); a marked map is sorted.
  if (info?.kind === 'map') entries.sort(([a], [b]) => compareGoStrings(a, b));
  return entries;
}

/**
 * Indented JSON as docker inspect prints it: the daemon's JSON (encoded without HTML escaping) run through
 * json.Indent with four spaces, so `<a@b.c>` stays as it is and empty arrays and objects stay `[]` and `{}`.
 */
export function goJsonIndent(v: unknown, indent = '    '): string {
  const compact = goJson(v, false);
  let out = '';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < compact.length; i++) {
    const ch = compact[i] ?? '';
    if (inString) {
      out += ch;
      if (ch === '\\') out += compact[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    const next = compact[i + 1];
    if (ch === '"') inString = true;
    if ((ch === '{' || ch === '[') && (next === '}' || next === ']')) {
      out += ch + next;
      i++;
    } else if (ch === '{' || ch === '[') out += ch + '\n' + indent.repeat(++depth);
    else if (ch === '}' || ch === ']') out += '\n' + indent.repeat(--depth) + ch;
    else if (ch === ',') out += ',\n' + indent.repeat(depth);
    else if (ch === ':') out += ': ';
    else out += ch;
  }
  return out;
}
