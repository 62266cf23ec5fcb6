// The comparison builtins eq, ne, lt, le, gt, ge with Go 1.19's rules: only basic kinds compare, an int never
// equals a float64 or a string ("incompatible types for comparison"), and a missing value equals nothing.

import { GoCallError } from './template-error.js';
import { GoNil, compareGoStrings, goKind, goNumber, goString } from './go-value.js';

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

// A nil interface compares as "no value"; JSON null is taken to be one.
function indirectInterface(v: unknown): unknown {
  return v === null || (v instanceof GoNil && v.kind === 'interface') ? undefined : v;
}

function basicKind(v: unknown): BasicKind {
  const k = goKind(v);
  return k === 'bool' || k === 'int' || k === 'float' || k === 'string' ? k : 'invalid';
}

const BAD_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';

function equalBasic(a: unknown, b: unknown, k: BasicKind): boolean {
  if (k === 'string') return goString(a) === goString(b);
  if (k === 'int' || k === 'float') return goNumber(a) === goNumber(b);
  return a === b;
}

/** eq arg1 arg2…: arg1 == arg2 || arg1 == arg3 …. */
export function eq(arg1: unknown, ...rest: unknown[]): boolean {
  const a = indirectInterface(arg1);
  if (rest.length === 0) throw new GoCallError('missing argument for comparison');
  const k1 = basicKind(a);
  for (const arg of rest) {
    const b = indirectInterface(arg);
    const k2 = basicKind(b);
    let truth: boolean;
    if (k1 !== k2) {
      if (a !== undefined && b !== undefined) throw new GoCallError(INCOMPATIBLE);
      truth = false;
    } else if (k1 !== 'invalid') {
      truth = equalBasic(a, b, k1);
    } else {
      const ka = goKind(a);
      const kb = goKind(b);
      const nilA = ka === 'invalid' || ka === 'nil';
      const nilB = kb === 'invalid' || kb === 'nil';
      if (nilA || nilB) truth = nilA === nilB;
      else if (ka === 'struct' || ka === 'slice' || ka === 'map' || ka === 'func') {
        throw new GoCallError(`non-comparable type ${ka}`);
      } else truth = a === b;
    }
    if (truth) return true;
  }
  return false;
}

/** ne arg1 arg2: the inverse of eq. */
export function ne(arg1: unknown, arg2: unknown): boolean {
  return !eq(arg1, arg2);
}

/** lt arg1 arg2: arg1 < arg2 for ints, floats and strings. */
export function lt(arg1: unknown, arg2: unknown): boolean {
  const a = indirectInterface(arg1);
  const b = indirectInterface(arg2);
  const k1 = basicKind(a);
  if (k1 === 'invalid') throw new GoCallError(BAD_TYPE);
  const k2 = basicKind(b);
  if (k2 === 'invalid') throw new GoCallError(BAD_TYPE);
  if (k1 !== k2) throw new GoCallError(INCOMPATIBLE);
  if (k1 === 'bool') throw new GoCallError(BAD_TYPE);
  if (k1 === 'string') return compareGoStrings(goString(a), goString(b)) < 0;
  return goNumber(a) < goNumber(b);
}

/** le arg1 arg2: lt or eq. */
export function le(arg1: unknown, arg2: unknown): boolean {
  return lt(arg1, arg2) || eq(arg1, arg2);
}

/** gt arg1 arg2: not le. */
export function gt(arg1: unknown, arg2: unknown): boolean {
  return !le(arg1, arg2);
}

/** ge arg1 arg2: not lt. */
export function ge(arg1: unknown, arg2: unknown): boolean {
  return !lt(arg1, arg2);
}
