// The Go values a docker `--format` template sees, modelled on JSON-like data. Plain objects, arrays, strings,
// numbers, booleans and null cover most of it; a few markers carry what JSON loses and Go's output depends on:
// which objects are structs (field errors, `{a b}` printing), which are maps with a typed zero value, typed nils
// (`[]` versus `<nil>`), float64 constants (`1e+06`) and json.Number (docker's raw inspect fallback).

/** Where a marked object or array keeps its Go type. Symbols stay out of JSON.stringify and Object.keys. */
const GO_TYPE: unique symbol = Symbol('goType');

/** A method as a template calls it: positional arguments in, one value out; throw GoCallError to fail. */
export type GoMethod = (...args: unknown[]) => unknown;

/** The Go type of a marked object or array. */
export interface GoTypeInfo {
  kind: 'struct' | 'map' | 'slice';
  /** Go's name for the type, as error messages print it (`*formatter.ContainerContext`, `[]string`). */
  name: string;
  /** Methods, looked up before fields and map keys as text/template does. */
  methods?: Readonly<Record<string, GoMethod>>;
  /** Map element zero value, what `index` returns for a missing key (undefined: a nil interface). */
  zero?: unknown;
  /** Map key type when it is not plain string (nat.Port): templates then cannot look keys up by name. */
  keyName?: string;
  /** JSON of a struct as docker's formatter.MarshalJSON writes it: sorted keys, HTML escaped. */
  marshalAsMap?: boolean;
  /** Struct fields whose JSON key differs from the Go field name (`ID` is written as "Id"). */
  jsonNames?: Readonly<Record<string, string>>;
  /** Struct fields left out of JSON (`omitempty` fields that are empty). */
  jsonOmit?: readonly string[];
}

type Marked = { [GO_TYPE]?: GoTypeInfo };

/** A typed nil: JSON null, but Go prints `[]`, `map[]` or `<nil>` depending on its type. */
export class GoNil {
  constructor(
    readonly kind: 'slice' | 'map' | 'ptr' | 'interface',
    readonly name: string,
  ) {}

  toJSON(): null {
    return null;
  }
}

/** A float64 whose value is integral (template constant `1.0`, `1e6`): Go prints `1e+06`, not `1000000`. */
export class GoFloat {
  constructor(readonly value: number) {}

  toJSON(): number {
    return this.value;
  }
}

/** A value with a String() method, such as time.Time: `%v` prints its text, JSON writes its own form. */
export class GoStringer {
  constructor(
    readonly text: string,
    readonly json: unknown,
    readonly name: string,
  ) {}

  toJSON(): unknown {
    return this.json;
  }
}

/** encoding/json's Number, what docker's raw inspect fallback decodes numbers into: a string-kind value. */
export class JsonNumber {
  constructor(readonly text: string) {}

  toJSON(): number {
    return Number(this.text);
  }
}

/** The value inside a map[string]interface{} that holds JSON null. */
export const NIL_INTERFACE = new GoNil('interface', 'interface {}');

/** Mark fields as a Go struct: a missing field is an error, `%v` prints `{v1 v2}`, JSON keeps field order. */
export function goStruct<T extends object>(name: string, fields: T, extra: Omit<GoTypeInfo, 'kind' | 'name'> = {}): T {
  return mark({ ...fields }, { kind: 'struct', name, ...extra });
}

/** Mark an object as a Go map with a typed zero value (`index .Labels "x"` is "" for map[string]string). */
export function goMap<T extends object>(entries: T, name = 'map[string]interface {}', zero?: unknown, keyName?: string): T {
  return mark({ ...entries }, { kind: 'map', name, zero, ...(keyName ? { keyName } : {}) });
}

/** Mark an array with its Go slice type (`[]interface {}` cannot be passed to `join`). */
export function goSlice<T>(items: readonly T[], name: string): T[] {
  return mark([...items], { kind: 'slice', name });
}

/** Attach a Go type to an object or array in place (for what the helpers above do not cover). */
export function withGoType<T extends object>(target: T, info: GoTypeInfo): T {
  return mark(target, info);
}

function mark<T extends object>(target: T, info: GoTypeInfo): T {
  Object.defineProperty(target, GO_TYPE, { value: info, enumerable: false, configurable: true });
  return target;
}

/** The Go type marked on a value, if any. */
export function goTypeOf(v: unknown): GoTypeInfo | undefined {
  return typeof v === 'object' && v !== null ? (v as Marked)[GO_TYPE] : undefined;
}

/** Go's reflect kinds as far as templates tell them apart; 'invalid' is the zero reflect.Value. */
export type GoKind = 'invalid' | 'nil' | 'bool' | 'int' | 'float' | 'string' | 'slice' | 'map' | 'struct' | 'func';

/** Kind of a value; null and nil pointers/interfaces are 'nil', typed nil slices and maps keep their kind. */
export function goKind(v: unknown): GoKind {
  if (v === undefined) return 'invalid';
  if (v === null) return 'nil';
  if (v instanceof GoNil) return v.kind === 'slice' || v.kind === 'map' ? v.kind : 'nil';
  if (v instanceof GoFloat) return 'float';
  if (v instanceof JsonNumber) return 'string';
  if (v instanceof GoStringer) return 'struct';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'string':
      return 'string';
    case 'function':
      return 'func';
    case 'object':
      if (Array.isArray(v)) return 'slice';
      return goTypeOf(v)?.kind === 'struct' ? 'struct' : 'map';
    default:
      return 'invalid';
  }
}

/** Go's name for the type of a value, as `%T` and error messages print it. */
export function goTypeName(v: unknown): string {
  const marked = goTypeOf(v);
  if (marked) return marked.name;
  if (v instanceof GoNil) return v.name;
  if (v instanceof JsonNumber) return 'json.Number';
  if (v instanceof GoStringer) return v.name;
  switch (goKind(v)) {
    case 'invalid':
    case 'nil':
      return '<nil>';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    case 'string':
      return 'string';
    case 'func':
      return 'func()';
    case 'slice':
      return (v as unknown[]).every((e) => typeof e === 'string') ? '[]string' : '[]interface {}';
    default:
      return 'map[string]interface {}';
  }
}

/** The numeric value of an int or float kind value (an int beyond 2^53 is a bigint and loses precision here). */
export function goNumber(v: unknown): number {
  return v instanceof GoFloat ? v.value : Number(v as number | bigint);
}

/** The text of a string kind value (a string or a json.Number). */
export function goString(v: unknown): string {
  return v instanceof JsonNumber ? v.text : (v as string);
}

/** The elements of a slice kind value (a typed nil slice has none). */
export function sliceItems(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The entries of a map kind value, keys in Go's order (bytewise, as fmt and range sort them). */
export function mapEntries(v: unknown): [string, unknown][] {
  if (v instanceof GoNil || v === null || typeof v !== 'object') return [];
  return Object.keys(v)
    .sort(compareGoStrings)
    .map((k) => [k, (v as Record<string, unknown>)[k]]);
}

/** The fields of a struct kind value in declaration order. */
export function structFields(v: unknown): [string, unknown][] {
  return Object.entries(v as Record<string, unknown>);
}

/** Compare as Go compares strings: by UTF-8 bytes, which is code point order (not UTF-16 unit order). */
export function compareGoStrings(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** text/template's truth: false, 0, nil and empty strings, slices and maps are false; structs are true. */
export function isTrue(v: unknown): boolean {
  switch (goKind(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'float':
      return goNumber(v) !== 0;
    case 'string':
      return goString(v).length > 0;
    case 'slice':
      return sliceItems(v).length > 0;
    case 'map':
      return mapEntries(v).length > 0;
    default:
      return true;
  }
}

/** UTF-8 bytes of a string: Go's len, index and slice count bytes. */
export function utf8Bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** Decode UTF-8 bytes (a cut inside a rune becomes U+FFFD, where Go would keep the raw byte). */
export function fromUtf8(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
