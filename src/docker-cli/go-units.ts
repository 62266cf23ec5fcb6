// docker/go-units as the CLI uses it for `-m 512m`, `--shm-size`, `--ulimit nofile=1024:2048`: same accepted
// forms, same error texts.

import { goQuote, parseGoDecimalInt, type GoResult } from './go-strconv.js';

const BINARY_UNITS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
const SIZE = /^([0-9]+(\.[0-9]+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;

/** units.RAMInBytes: "512m" → 536870912 (binary units, case-insensitive). */
export function ramInBytes(size: string): GoResult<number> {
  const m = SIZE.exec(size);
  if (!m) return { ok: false, error: `invalid size: '${size}'` };
  const num = m[1] ?? '';
  if ((num.match(/\./g) ?? []).length > 1) {
    return { ok: false, error: `strconv.ParseFloat: parsing ${goQuote(num)}: invalid syntax` };
  }
  const unit = m[3]?.toLowerCase();
  const mult = unit === undefined ? 1 : (BINARY_UNITS[unit] ?? 1);
  return { ok: true, value: Math.trunc(Number(num) * mult) };
}

/** One parsed `--ulimit name=soft[:hard]`. */
export interface Ulimit {
  name: string;
  soft: number;
  hard: number;
}

const ULIMIT_NAMES = new Set([
  'core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice',
  'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack',
]);

/** units.ParseUlimit. */
export function parseUlimit(val: string): GoResult<Ulimit> {
  const eq = val.indexOf('=');
  if (eq < 0) return { ok: false, error: `invalid ulimit argument: ${val}` };
  const name = val.slice(0, eq);
  const limits = val.slice(eq + 1);
  if (!ULIMIT_NAMES.has(name)) return { ok: false, error: `invalid ulimit type: ${name}` };
  const parts = limits.split(':');
  if (parts.length > 2) {
    return { ok: false, error: `too many limit value arguments - ${limits}, can only have up to two, \`soft[:hard]\`` };
  }
  let hard: number | undefined;
  if (parts.length === 2) {
    const h = parseGoDecimalInt(parts[1] ?? '');
    if (!h.ok) return h;
    hard = h.value;
  }
  const s = parseGoDecimalInt(parts[0] ?? '');
  if (!s.ok) return s;
  const soft = s.value;
  const effectiveHard = hard ?? soft;
  if (effectiveHard !== -1) {
    if (soft === -1) {
      return {
        ok: false,
        error: `ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: ${effectiveHard}`,
      };
    }
    if (soft > effectiveHard) {
      return { ok: false, error: `ulimit soft limit must be less than or equal to hard limit: ${soft} > ${effectiveHard}` };
    }
  }
  return { ok: true, value: { name, soft, hard: effectiveHard } };
}
