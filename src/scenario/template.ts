// `${{ steps.commit.stdout }}`, `${{ vars.image }}`, `${{ env.HOME }}`: how a step reuses what an earlier step
// printed. The `${{ }}` form (GitHub Actions') cannot be confused with docker's Go templates (`{{.Names}}`)
// or with the shell's `${VAR}`. Templates are parsed at load time, so a bad reference is a positioned error.

/** What a template expression refers to. */
export type TemplateRef =
  | { scope: 'steps'; name: string; field: 'stdout' | 'stderr' | 'exitCode' }
  | { scope: 'vars'; name: string }
  | { scope: 'env'; name: string };

/** A piece of a templated string: literal text or a reference with its offsets in the string. */
export type TemplatePart = string | { ref: TemplateRef; start: number; end: number };

/** The values a template is rendered with. */
export interface TemplateContext {
  steps: ReadonlyMap<string, { stdout: string; stderr: string; exitCode: number }>;
  vars: ReadonlyMap<string, string>;
  env: ReadonlyMap<string, string>;
}

/** A template that could not be parsed, or a reference with no value at run time. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

const EXPR = /^\s*(?:steps\.([A-Za-z_][\w-]*)\.(stdout|stderr|exitCode)|vars\.([A-Za-z_][\w-]*)|env\.([A-Za-z_]\w*))\s*$/;

/** True when the string holds a `${{`. */
export function hasTemplate(s: string): boolean {
  return s.includes('${{');
}

/** Parses `s` into literal and reference parts; throws TemplateError with the offset of a bad expression. */
export function parseTemplate(s: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('${{', i);
    if (open < 0) {
      parts.push(s.slice(i));
      break;
    }
    if (open > i) parts.push(s.slice(i, open));
    const close = s.indexOf('}}', open + 3);
    if (close < 0) throw new TemplateError('unterminated template: `${{` without `}}`', open);
    const body = s.slice(open + 3, close);
    const m = EXPR.exec(body);
    if (!m) {
      throw new TemplateError(
        `bad template \`\${{${body}}}\`: use \${{ steps.NAME.stdout }}, \${{ steps.NAME.stderr }}, \${{ steps.NAME.exitCode }}, \${{ vars.NAME }} or \${{ env.NAME }}`,
        open,
      );
    }
    const ref: TemplateRef = m[1]
      ? { scope: 'steps', name: m[1], field: m[2] as 'stdout' | 'stderr' | 'exitCode' }
      : m[3]
        ? { scope: 'vars', name: m[3] }
        : { scope: 'env', name: m[4] as string };
    parts.push({ ref, start: open, end: close + 2 });
    i = close + 2;
  }
  return parts;
}

/** The text of one reference, or a TemplateError when it has no value yet. */
function resolve(part: { ref: TemplateRef; start: number }, ctx: TemplateContext): string {
  const { ref } = part;
  if (ref.scope === 'steps') {
    const step = ctx.steps.get(ref.name);
    if (!step) throw new TemplateError(`step \`${ref.name}\` has not run`, part.start);
    return String(step[ref.field]);
  }
  const value = (ref.scope === 'vars' ? ctx.vars : ctx.env).get(ref.name);
  if (value === undefined) throw new TemplateError(`${ref.scope}.${ref.name} is not set`, part.start);
  return value;
}

/** Renders a string with its templates replaced (strings without `${{` are returned as they are). */
export function renderTemplate(s: string, ctx: TemplateContext): string {
  if (!hasTemplate(s)) return s;
  return parseTemplate(s)
    .map((p) => (typeof p === 'string' ? p : resolve(p, ctx)))
    .join('');
}

/** Renders every string inside a plain JSON value (a check's spec). */
export function renderDeep<T>(value: T, ctx: TemplateContext): T {
  if (typeof value === 'string') return renderTemplate(value, ctx) as T;
  if (Array.isArray(value)) return value.map((v) => renderDeep(v, ctx)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = renderDeep(v, ctx);
    return out as T;
  }
  return value;
}
