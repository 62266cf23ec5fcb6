// ajv's errors turned into scenario problems a person can act on: each at the node it is about (the key for
// an unknown or missing key, the value otherwise), with a plain message and a "did you mean" for typos. The
// noise of combinators is folded: a subschema annotated with `x-code` reports once, in its own words.

import type { ErrorObject } from 'ajv';
import type { ScenarioProblem, ScenarioProblemCode } from './problem.js';
import { jmespathError, regexError } from './schema-file.js';
import type { SourceMap } from './source-map.js';
import { closest, didYouMean } from './suggest.js';

type Path = (string | number)[];

/** Problems for ajv's errors on `data` (the document as JSON), positioned through `map`. */
export function schemaProblems(errors: readonly ErrorObject[], data: unknown, map: SourceMap, file: string): ScenarioProblem[] {
  // Every rule below compares an error with the others at the same place: they are grouped by instancePath
  // first, so a file with thousands of bad items costs time in proportion to its errors, not their square.
  const byPlace = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPlace.get(e.instancePath);
    if (list) list.push(e);
    else byPlace.set(e.instancePath, [e]);
  }
  const here = (e: ErrorObject): ErrorObject[] => byPlace.get(e.instancePath) ?? [];
  const isCoded = (e: ErrorObject): boolean => hasXCode(e.parentSchema) && ['anyOf', 'oneOf', 'not'].includes(e.keyword);
  const unknownAt = new Set(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => e.instancePath));
  // A missing key that an unknown key at the same place is a typo of is reported once, as the typo.
  const typoOf = (e: ErrorObject): boolean => {
    if (e.keyword !== 'required') return false;
    const missing = String((e.params as { missingProperty?: unknown }).missingProperty);
    return here(e).some((u) => u.keyword === 'additionalProperties' && closest(String((u.params as { additionalProperty?: unknown }).additionalProperty), [missing]) === missing);
  };
  const out: ScenarioProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    const others = here(e);
    if (others.some((c) => c !== e && isCoded(c) && e.schemaPath.startsWith(`${c.schemaPath}/`))) continue;
    if (e.schemaPath.includes('/propertyNames/') && others.some((p) => p !== e && p.keyword === 'propertyNames')) continue;
    if (isCoded(e) && unknownAt.has(e.instancePath)) continue;
    if (typoOf(e)) continue;
    const problem = toProblem(e, data, map, file);
    const key = `${problem.code}|${problem.start.line}:${problem.start.col}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}

function hasXCode(schema: unknown): schema is { 'x-code': ScenarioProblemCode; 'x-message'?: string } {
  return typeof schema === 'object' && schema !== null && 'x-code' in schema;
}

function xMessage(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const m = (schema as Record<string, unknown>)['x-message'];
  return typeof m === 'string' ? m : undefined;
}

/** JSON pointer → YAML path, with array indexes as numbers. */
function toPath(pointer: string, data: unknown): Path {
  if (pointer === '') return [];
  const path: Path = [];
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      path.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      path.push(seg);
      cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return path;
}

/** "a string", "a list", "empty": how a value reads in a message. */
function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'boolean') return `\`${v}\``;
  if (typeof v === 'number') return `a number (${v})`;
  return `a string`;
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function typeWords(type: unknown): string {
  const list = Array.isArray(type) ? type : String(type).split(',');
  const words = list.map((t) => TYPE_WORDS[String(t)] ?? String(t));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function name(path: Path): string {
  const last = path[path.length - 1];
  return last === undefined ? 'the scenario' : typeof last === 'number' ? `item ${last + 1}` : `\`${last}\``;
}

function toProblem(e: ErrorObject, data: unknown, map: SourceMap, file: string): ScenarioProblem {
  const path = toPath(e.instancePath, data);
  const value = map.range(path);
  const atKeyOrValue = e.data === null ? map.range(path, { key: true }) : value;
  const parent = e.parentSchema as Record<string, unknown> | undefined;
  const xm = xMessage(parent);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const prop = String(p.additionalProperty);
      const known = Object.keys((parent?.properties as object | undefined) ?? {});
      const where = path.length === 0 ? '' : ` in ${name(path)}`;
      return map.problem('UNKNOWN_KEY', `unknown key \`${prop}\`${where}`, file, map.range([...path, prop], { key: true }), [...path, prop], didYouMean(prop, known));
    }
    case 'required': {
      const missing = String(p.missingProperty);
      const where = path.length === 0 ? 'the scenario needs' : `${name(path)} needs`;
      return map.problem('MISSING_KEY', `${where} \`${missing}\``, file, map.range(path, { key: true }), path);
    }
    case 'type':
      return map.problem('WRONG_TYPE', `${name(path)} must be ${typeWords(p.type)}, not ${describeValue(e.data)}`, file, atKeyOrValue, path);
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined;
      return map.problem('BAD_VALUE', `${name(path)} must be one of ${allowed.map((a) => `\`${a}\``).join(', ')}`, file, atKeyOrValue, path, hint);
    }
    case 'const':
      return map.problem('BAD_VALUE', `${name(path)} must be ${JSON.stringify(p.allowedValue)}`, file, atKeyOrValue, path);
    case 'format': {
      if (p.format === 'regex') {
        return map.problem('BAD_REGEX', `${name(path)} is not a valid regular expression: ${regexError(String(e.data))}`, file, value, path);
      }
      if (p.format === 'jmespath') {
        return map.problem('BAD_JMESPATH', `${name(path)} is not a valid JMESPath expression: ${jmespathError(String(e.data))}`, file, value, path);
      }
      return map.problem('BAD_VALUE', `${name(path)} ${e.message ?? 'is not valid'}`, file, value, path);
    }
    case 'propertyNames': {
      const prop = String(p.propertyName);
      return map.problem('BAD_VALUE', `\`${prop}\` is not a valid name: must be a word (letters, digits, _ and -)`, file, map.range([...path, prop], { key: true }), [...path, prop]);
    }
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return map.problem('BAD_VALUE', `${name(path)} must not be empty`, file, atKeyOrValue, path);
    case 'anyOf':
    case 'oneOf':
    case 'not':
      if (hasXCode(parent)) return map.problem(parent['x-code'], xm ?? (e.message as string), file, map.range(path, { key: true }), path);
      break;
  }
  const message = xm ? `${name(path)} ${xm}` : `${name(path)} ${e.message ?? 'is not valid'}`;
  return map.problem('BAD_VALUE', message, file, atKeyOrValue, path);
}
