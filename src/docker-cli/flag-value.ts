// pflag's Value.Set for each flag type: how one occurrence of a flag changes the parsed value, and the error
// text when docker would reject it ("strconv.ParseInt: parsing \"x\": invalid syntax").

import { checkGpus, checkNetwork, runCheck } from './flag-checks.js';
import type { FlagSpec } from './flag-spec.js';
import { checkFilter } from './filters.js';
import { readGoCsvRecord } from './go-csv.js';
import { parseGoDuration } from './go-duration.js';
import { parseGoBool, parseGoInt, parseGoUint } from './go-strconv.js';
import { parseUlimit, ramInBytes } from './go-units.js';
import type { ClientEnv } from './kv-options.js';
import { parseMountFlag } from './mount-spec.js';

/** A parsed flag value: bool flags are booleans, numeric flags numbers, repeatable flags string lists. */
export type FlagValue = string | boolean | number | string[];

/** The coarse kind of a flag's value, for callers that only care how to read it. */
export type FlagKind = 'bool' | 'string' | 'stringArray' | 'int' | 'duration';

/** Which FlagKind a flag's value has (sizes and CPU counts are kept as typed strings). */
export function flagKind(f: FlagSpec): FlagKind {
  switch (f.type) {
    case 'bool':
    case 'string':
    case 'duration':
      return f.type;
    case 'int':
    case 'int64':
    case 'uint16':
    case 'uint32':
    case 'uint64':
      return 'int';
    case 'bytes':
    case 'decimal':
    case 'pem-file':
    case 'node-addr':
      return 'string';
    default:
      return 'stringArray';
  }
}

/** The value a flag has when it is not given. */
export function defaultValue(f: FlagSpec): FlagValue {
  switch (f.type) {
    case 'bool':
      return f.def === 'true';
    case 'int':
    case 'int64':
    case 'uint16':
    case 'uint32':
    case 'uint64':
      return Number(f.def ?? '0');
    case 'string':
    case 'bytes':
    case 'decimal':
    case 'pem-file':
    case 'node-addr':
      return f.def ?? '';
    case 'duration':
      return f.def ?? '0s';
    default:
      return [];
  }
}

// big.Rat.SetString as NanoCPUs uses it, then "must be a whole number of nanoseconds".
function checkDecimal(value: string): string | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(value);
  const frac = /^[+-]?[0-9]+\/[0-9]+$/.test(value);
  if (frac) {
    const [num, den] = value.split('/').map((x) => BigInt(x));
    if (den === 0n || num === undefined || den === undefined) return `failed to parse ${value} as a rational number`;
    return (num * 1000000000n) % den === 0n ? undefined : 'value is too precise';
  }
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return `failed to parse ${value} as a rational number`;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const scale = (m[3] ?? '').length - Number(m[4] ?? '0') - 9; // digits after the point once multiplied by 1e9
  if (scale <= 0) return undefined;
  return /^0*$/.test(digits.slice(Math.max(0, digits.length - scale))) ? undefined : 'value is too precise';
}

// pflag's stringToStringValue.Set: one pair (quotes trimmed), or a CSV record of pairs when there are several `=`.
function stringToString(raw: string): { ok: true; value: string[] } | { ok: false; error: string } {
  const n = [...raw].filter((c) => c === '=').length;
  if (n === 0) return { ok: false, error: `${raw} must be formatted as key=value` };
  let pairs: string[];
  if (n === 1) {
    pairs = [raw.replace(/^"+|"+$/g, '')];
  } else {
    const csv = readGoCsvRecord(raw);
    if (!csv.ok) return csv;
    pairs = csv.value;
  }
  const bad = pairs.find((p) => !p.includes('='));
  return bad === undefined ? { ok: true, value: pairs } : { ok: false, error: `${bad} must be formatted as key=value` };
}

// The list with one more value (a function of the module, not a closure per call: every flag parsed calls
// setFlagValue).
function append(list: readonly string[], v: string): { ok: true; value: string[] } {
  return { ok: true, value: [...list, v] };
}

/** Applies one occurrence of a flag to its current value; the error text is what follows "flag: ". */
export function setFlagValue(f: FlagSpec, current: FlagValue, raw: string, env: ClientEnv): { ok: true; value: FlagValue } | { ok: false; error: string } {
  const list = Array.isArray(current) ? current : [];
  switch (f.type) {
    case 'bool': {
      const b = parseGoBool(raw);
      return b.ok ? { ok: true, value: b.value } : b;
    }
    case 'string':
      return { ok: true, value: raw };
    case 'int':
    case 'int64': {
      const n = parseGoInt(raw, 64);
      return n.ok ? { ok: true, value: n.value } : n;
    }
    case 'uint16':
    case 'uint32':
    case 'uint64': {
      const n = parseGoUint(raw, f.type === 'uint16' ? 16 : f.type === 'uint32' ? 32 : 64);
      return n.ok ? { ok: true, value: n.value } : n;
    }
    // swarm's PEMFile reads the file and NodeAddrOption resolves the address while parsing; the simulator refuses
    // these commands anyway, so their values are taken as given
    case 'pem-file':
    case 'node-addr':
      return { ok: true, value: raw };
    case 'external-ca':
    case 'ipNetSlice':
      return append(list, raw);
    case 'stringToString': {
      const pairs = stringToString(raw);
      return pairs.ok ? { ok: true, value: [...list, ...pairs.value] } : pairs;
    }
    case 'duration': {
      const d = parseGoDuration(raw);
      return d.ok ? { ok: true, value: raw } : d;
    }
    case 'bytes': {
      if (f.check === 'memswap' && raw === '-1') return { ok: true, value: raw };
      const b = ramInBytes(raw);
      return b.ok ? { ok: true, value: raw } : b;
    }
    case 'decimal': {
      const bad = checkDecimal(raw);
      return bad === undefined ? { ok: true, value: raw } : { ok: false, error: bad };
    }
    case 'stringSlice': {
      if (raw === '') return { ok: true, value: list };
      const csv = readGoCsvRecord(raw);
      return csv.ok ? { ok: true, value: [...list, ...csv.value] } : csv;
    }
    case 'stringArray':
      return append(list, raw);
    case 'filter': {
      if (raw === '') return { ok: true, value: list };
      const bad = checkFilter(raw);
      return bad === undefined ? append(list, raw) : { ok: false, error: bad };
    }
    case 'mount': {
      const m = parseMountFlag(raw);
      return m.ok ? append(list, raw) : m;
    }
    case 'ulimit': {
      const u = parseUlimit(raw);
      return u.ok ? append(list, raw) : u;
    }
    case 'network': {
      const n = checkNetwork(raw);
      return n.ok ? append(list, raw) : n;
    }
    case 'gpu-request': {
      const g = checkGpus(raw);
      return g.ok ? append(list, raw) : g;
    }
    case 'list':
    case 'map': {
      if (f.check === undefined) return append(list, raw);
      const c = runCheck(f.check, raw, env);
      return c.ok ? append(list, c.value) : c;
    }
  }
}
