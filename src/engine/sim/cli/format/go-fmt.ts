// fmt.Sprint, Sprintln and Sprintf over template values: what `{{print}}`, `{{println}}`, `{{printf}}` and
// plain `{{.X}}` output, including Go's in-band complaints (`%!d(MISSING)`, `%!(EXTRA string=b)`).

import { PLAIN_V, formatOperand, type FmtSpec } from './go-fmt-verbs.js';
import { goKind, goNumber, goTypeName } from './go-value.js';

function isStringOperand(v: unknown): boolean {
  return goKind(v) === 'string';
}

/** How a template prints a value: fmt.Sprint of one operand (`%v`). */
export function formatValue(v: unknown): string {
  return formatOperand(v, PLAIN_V);
}

/** fmt.Sprint: operands side by side, with a space between two that are both non-strings. */
export function sprint(args: readonly unknown[]): string {
  let out = '';
  args.forEach((arg, i) => {
    if (i > 0 && !isStringOperand(arg) && !isStringOperand(args[i - 1])) out += ' ';
    out += formatValue(arg);
  });
  return out;
}

/** fmt.Sprintln: operands separated by spaces, then a newline. */
export function sprintln(args: readonly unknown[]): string {
  return args.map(formatValue).join(' ') + '\n';
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly unknown[]): string {
  let out = '';
  let argNum = 0;
  let i = 0;
  const chars = [...format];
  const takeNumber = (): number | undefined => {
    let digits = '';
    while (i < chars.length && /[0-9]/.test(chars[i] ?? '')) digits += chars[i++];
    return digits === '' ? undefined : Number(digits);
  };
  while (i < chars.length) {
    const ch = chars[i] ?? '';
    if (ch !== '%') {
      out += ch;
      i++;
      continue;
    }
    i++;
    const spec: FmtSpec = { ...PLAIN_V };
    for (; i < chars.length; i++) {
      const f = chars[i];
      if (f === '#') spec.sharp = true;
      else if (f === '0') spec.zero = !spec.minus;
      else if (f === '+') spec.plus = true;
      else if (f === '-') {
        spec.minus = true;
        spec.zero = false;
      }
      else if (f === ' ') spec.space = true;
      else break;
    }
    if (chars[i] === '*') {
      i++;
      const w = args[argNum++];
      if (goKind(w) === 'int') {
        spec.width = Math.abs(goNumber(w));
        if (goNumber(w) < 0) {
          spec.minus = true;
          spec.zero = false;
        }
      } else out += '%!(BADWIDTH)';
    } else spec.width = takeNumber();
    if (chars[i] === '.') {
      i++;
      if (chars[i] === '*') {
        i++;
        const p = args[argNum++];
        if (goKind(p) === 'int' && goNumber(p) >= 0) spec.prec = goNumber(p);
        else out += '%!(BADPREC)';
      } else spec.prec = takeNumber() ?? 0;
    }
    if (i >= chars.length) {
      out += '%!(NOVERB)';
      break;
    }
    spec.verb = chars[i++] ?? '';
    if (spec.verb === '%') out += '%';
    else if (argNum >= args.length) out += `%!${spec.verb}(MISSING)`;
    else out += formatOperand(args[argNum++], spec);
  }
  if (argNum < args.length) {
    const extra = args.slice(argNum).map((a) => (a == null ? '<nil>' : `${goTypeName(a)}=${formatValue(a)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}
