// Number constants in templates, read as Go's parser reads them: every interpretation that fits (int,
// uint, float64) is kept, because execution picks one by context (`{{1.0}}` is a float64, `{{index .X 1}}`
// needs an int) and `{{18446744073709551616}}` fails to parse with `integer overflow`.

import { goQuote, goUnquote } from '../../../../go/quote.js';
import type { NumberNode } from './template-nodes.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's underscoreOK: underscores only between digits or right after a base prefix. */
function underscoresOK(body: string, prefixed: boolean): boolean {
  if (!body.includes('_')) return true;
  const s = prefixed ? '0' + body : body; // the prefix counts as a digit before an underscore
  return !/(^_|__|_$|_[.eEpP]|[.eEpP]_)/.test(s);
}

/** strconv.ParseInt(text, 0, 64) / ParseUint: the value, or undefined when the syntax is not an integer. */
function parseGoInteger(text: string): { value: bigint; signed: boolean } | undefined {
  const m = /^([+-]?)(0[xX]|0[oO]|0[bB]|0(?=[0-9_]))?([0-9a-fA-F_]+)$/.exec(text);
  if (!m) return undefined;
  const [, sign = '', prefix = '', body = ''] = m;
  if (!underscoresOK(body, prefix !== '')) return undefined;
  const digits = body.replace(/_/g, '');
  const base = { '': 10, '0': 8 }[prefix] ?? { x: 16, o: 8, b: 2 }[prefix.slice(1).toLowerCase()] ?? 10;
  const valid = { 16: /^[0-9a-fA-F]+$/, 10: /^[0-9]+$/, 8: /^[0-7]+$/, 2: /^[01]+$/ }[base];
  if (!valid?.test(digits)) return undefined;
  let value = 0n;
  for (const d of digits) value = value * BigInt(base) + BigInt(parseInt(d, base));
  return { value: sign === '-' ? -value : value, signed: sign !== '' };
}

/** strconv.ParseFloat(text, 64): the value, or undefined on bad syntax or overflow. */
function parseGoFloat(text: string): number | undefined {
  const hex = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/.exec(text);
  if (hex) {
    const [, sign, int = '', frac = '', exp = '0'] = hex;
    const mant = parseInt((int + frac).replace(/_/g, '') || '0', 16);
    const f = mant * 2 ** (Number(exp.replace(/_/g, '')) - 4 * frac.replace(/_/g, '').length);
    return Number.isFinite(f) ? (sign === '-' ? -f : f) : undefined;
  }
  if (!/^[+-]?([0-9_]+\.?[0-9_]*|\.[0-9_]+)([eE][+-]?[0-9_]+)?$/.test(text)) return undefined;
  if (!underscoresOK(text.replace(/^[+-]/, ''), false)) return undefined;
  const f = Number(text.replace(/_/g, ''));
  return Number.isFinite(f) ? f : undefined;
}

/** Go's parse.newNumber: a NumberNode, or the parse error text. */
export function parseNumber(pos: number, text: string, typ: 'charConstant' | 'complex' | 'number'): NumberNode | string {
  const node: NumberNode = { type: 'number', pos, text, isInt: false, isUint: false, isFloat: false, int: 0n, float: 0 };
  if (typ === 'charConstant') {
    const body = text.slice(1, -1);
    const ch = body === "\\'" || body === '"' ? body.slice(-1) : goUnquote(`"${body}"`);
    if (ch === undefined || [...ch].length !== 1) return `malformed character constant: ${text}`;
    const cp = ch.codePointAt(0) ?? 0;
    return { ...node, isInt: true, isUint: true, isFloat: true, int: BigInt(cp), float: cp };
  }
  if (typ === 'complex' || text.endsWith('i')) return `illegal number syntax: ${goQuote(text)}`; // complex constants are not simulated
  const int = parseGoInteger(text);
  if (int) {
    node.isUint = !int.signed && int.value <= UINT64_MAX;
    node.isInt = int.value >= INT64_MIN && int.value <= INT64_MAX;
    if (int.value === 0n) node.isUint = true;
    node.int = int.value;
  }
  if (node.isInt || node.isUint) {
    node.isFloat = true;
    node.float = Number(node.int);
  } else {
    const f = parseGoFloat(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) return `integer overflow: ${goQuote(text)}`;
      node.isFloat = true;
      node.float = f;
      if (Number.isInteger(f)) {
        const b = BigInt(f);
        node.isInt = b >= INT64_MIN && b <= INT64_MAX;
        node.isUint = b >= 0n && b <= UINT64_MAX;
        node.int = b;
      }
    }
  }
  if (!node.isInt && !node.isUint && !node.isFloat) return `illegal number syntax: ${goQuote(text)}`;
  return node;
}
