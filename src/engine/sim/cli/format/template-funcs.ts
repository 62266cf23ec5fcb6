// text/template's builtin functions (len, index, slice, not, print*, html, js, urlquery, call and the
// comparisons) with Go's argument typing, so wrong calls fail with Go's words: `error calling len: len of
// type int`, `error calling index: index out of range: 5`, `wrong number of args for len: want 1 got 0`.

import { sprint, sprintf, sprintln } from './go-fmt.js';
import { isGoPrint } from '../../../../go/quote.js';
import { GoCallError } from './template-error.js';
import { eq, ge, gt, le, lt, ne } from './template-compare.js';
import {
  GoNil,
  fromUtf8,
  goKind,
  goNumber,
  goString,
  goTypeName,
  goTypeOf,
  isTrue,
  mapEntries,
  sliceItems,
  utf8Bytes,
  NIL_INTERFACE,
} from './go-value.js';

/**
 * A parameter's Go type as far as argument checking goes: 'any' is interface{} (a missing value becomes nil),
 * 'value' is reflect.Value (a missing value stays missing), 'strings' is []string.
 */
export type ParamType = 'any' | 'value' | 'string' | 'int' | 'bool' | 'strings';

/** A template function: its Go signature and its body. */
export interface GoFunc {
  params: readonly ParamType[];
  variadic?: ParamType;
  call: (...args: unknown[]) => unknown;
}

/** Functions by name, as template.FuncMap. */
export type FuncMap = Readonly<Record<string, GoFunc>>;

/** A nil interface or a missing value: what reflect's indirectInterface turns into the zero Value. */
function indirectInterface(v: unknown): unknown {
  return v instanceof GoNil && v.kind === 'interface' ? undefined : v;
}

function length(item: unknown): number {
  if (item === undefined) throw new GoCallError('reflect: call of reflect.Value.Type on zero Value');
  if (item instanceof GoNil && (item.kind === 'ptr' || item.kind === 'interface')) {
    throw new GoCallError('len of nil pointer');
  }
  switch (goKind(item)) {
    case 'nil':
      return 0; // JSON null stands for a nil slice or map here
    case 'string':
      return utf8Bytes(goString(item)).length;
    case 'slice':
      return sliceItems(item).length;
    case 'map':
      return mapEntries(item).length;
    default:
      throw new GoCallError(`len of type ${goTypeName(item)}`);
  }
}

function indexArg(index: unknown, cap: number, isSlice: boolean): number {
  const i = indirectInterface(index);
  if (i === undefined) throw new GoCallError('cannot index slice/array with nil');
  if (goKind(i) !== 'int') throw new GoCallError(`cannot index slice/array with type ${goTypeName(i)}`);
  const x = goNumber(i);
  if (x < 0 || x > cap || (!isSlice && x === cap)) throw new GoCallError(`index out of range: ${x}`);
  return x;
}

function mapIndex(item: object, key: unknown): unknown {
  const k = indirectInterface(key);
  if (k === undefined || k === null) throw new GoCallError(`value is nil; should be of type ${goTypeOf(item)?.keyName ?? 'string'}`);
  const info = goTypeOf(item);
  const keyName = info?.keyName ?? 'string';
  if (goTypeName(k) !== keyName) throw new GoCallError(`value has type ${goTypeName(k)}; should be ${keyName}`);
  if (item instanceof GoNil || !Object.prototype.hasOwnProperty.call(item, k as string)) {
    return info && 'zero' in info && info.zero !== undefined ? info.zero : NIL_INTERFACE;
  }
  return (item as Record<string, unknown>)[k as string];
}

function index(item0: unknown, ...indexes: unknown[]): unknown {
  let item = indirectInterface(item0);
  if (item === undefined) throw new GoCallError('index of untyped nil');
  for (const idx of indexes) {
    if (item instanceof GoNil && item.kind === 'ptr') throw new GoCallError('index of nil pointer');
    const kind = item === null ? (goKind(idx) === 'int' ? 'slice' : 'map') : goKind(item);
    if (kind === 'string') {
      const bytes = utf8Bytes(goString(item));
      item = bytes[indexArg(idx, bytes.length, false)];
    } else if (kind === 'slice') {
      const items = sliceItems(item);
      item = items[indexArg(idx, items.length, false)];
    } else if (kind === 'map') {
      item = mapIndex(item === null ? NIL_INTERFACE : (item as object), idx);
    } else throw new GoCallError(`can't index item of type ${goTypeName(item)}`);
  }
  return item;
}

function slice(item0: unknown, ...indexes: unknown[]): unknown {
  const item = indirectInterface(item0);
  if (item === undefined) throw new GoCallError('slice of untyped nil');
  if (indexes.length > 3) throw new GoCallError(`too many slice indexes: ${indexes.length}`);
  const kind = goKind(item);
  let len: number;
  if (kind === 'string') {
    if (indexes.length === 3) throw new GoCallError('cannot 3-index slice a string');
    len = utf8Bytes(goString(item)).length;
  } else if (kind === 'slice') len = sliceItems(item).length;
  else throw new GoCallError(`can't slice item of type ${goTypeName(item)}`);
  const idx = [0, len, len];
  indexes.forEach((x, i) => (idx[i] = indexArg(x, len, true)));
  const [lo = 0, hi = len, max = len] = idx;
  if (lo > hi) throw new GoCallError(`invalid slice index: ${lo} > ${hi}`);
  if (indexes.length === 3 && hi > max) throw new GoCallError(`invalid slice index: ${hi} > ${max}`);
  if (kind === 'string') return fromUtf8(utf8Bytes(goString(item)).slice(lo, hi));
  return sliceItems(item).slice(lo, hi);
}

/** Go's evalArgs for html/js/urlquery: the text of the arguments as fmt.Sprint would print them. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === undefined || a === null || a === NIL_INTERFACE ? '<no value>' : a)));
}

function htmlEscape(s: string): string {
  const map: Record<string, string> = { '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;', '\0': '\uFFFD' };
  return s.replace(/["'&<>\0]/g, (c) => map[c] ?? c);
}

function jsEscape(s: string): string {
  const map: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' };
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (map[ch] !== undefined) out += map[ch];
    else if (cp < 0x20) out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp >= 0x80 && !isGoPrint(cp)) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else out += ch;
  }
  return out;
}

function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    const ch = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function call(fn: unknown, ...args: unknown[]): unknown {
  if (typeof fn !== 'function') throw new GoCallError(`non-function of type ${goTypeName(fn)}`);
  return (fn as (...a: unknown[]) => unknown)(...args);
}

const V: readonly ParamType[] = ['value'];
const VV: readonly ParamType[] = ['value', 'value'];

/** The builtins every Go template has. `and`/`or` are evaluated lazily by the executor itself. */
export const BUILTIN_FUNCS: FuncMap = {
  and: { params: V, variadic: 'value', call: () => undefined },
  or: { params: V, variadic: 'value', call: () => undefined },
  not: { params: V, call: (a) => !isTrue(indirectInterface(a)) },
  len: { params: V, call: length },
  index: { params: V, variadic: 'value', call: index },
  slice: { params: V, variadic: 'value', call: slice },
  call: { params: V, variadic: 'value', call },
  print: { params: [], variadic: 'any', call: (...a) => sprint(a) },
  printf: { params: ['string'], variadic: 'any', call: (f, ...a) => sprintf(f as string, a) },
  println: { params: [], variadic: 'any', call: (...a) => sprintln(a) },
  html: { params: [], variadic: 'any', call: (...a) => htmlEscape(evalArgs(a)) },
  js: { params: [], variadic: 'any', call: (...a) => jsEscape(evalArgs(a)) },
  urlquery: { params: [], variadic: 'any', call: (...a) => urlQueryEscape(evalArgs(a)) },
  eq: { params: V, variadic: 'value', call: (a, ...b) => eq(a, ...b) },
  ne: { params: VV, call: ne },
  lt: { params: VV, call: lt },
  le: { params: VV, call: le },
  gt: { params: VV, call: gt },
  ge: { params: VV, call: ge },
};
