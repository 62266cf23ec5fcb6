// Go templates as `--format` takes them: random pieces of the template language, balanced or not.

import type { Rng } from '../../../src/cli/fuzz-diff/rng.js';

const PIECES = [
  '.', '.Names', '.ID', '.Config.Env', '.State', '.Mounts', '.Nope', '$', '$x', '$x :=', '$x =', '"s"', '`raw`', '1', '-1', '1.5',
  'nil', 'true', 'json', 'printf "%q"', 'printf "%v %d"', 'print', 'println', 'len', 'index', 'slice', 'and', 'or', 'not',
  'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'call', 'html', 'js', 'urlquery', 'upper', 'lower', 'title', 'split', 'join',
  'truncate', 'pad', '|', '(', ')', ',', ':=', 'range', 'range $i, $e :=', 'end', 'if', 'else', 'else if', 'with', 'break',
  'continue', 'define "x"', 'template "x"', 'template "x" .', 'template "y"', 'block "x" .', '/* c */', '-', '\'a\'', '"\\x"',
];

/** A random template: text and actions, sometimes nested blocks, sometimes broken. */
export function randomTemplate(rng: Rng): string {
  let out = '';
  const parts = 1 + rng.below(6);
  for (let i = 0; i < parts; i++) {
    if (rng.chance(0.3)) out += rng.pick(['x', ' ', '\\t', '\n', 'table ', '{', '}']);
    const words = Array.from({ length: 1 + rng.below(4) }, () => rng.pick(PIECES)).join(' ');
    const open = rng.chance(0.1) ? '{{- ' : '{{';
    const close = rng.chance(0.1) ? ' -}}' : rng.chance(0.05) ? '}' : '}}';
    out += `${open}${words}${close}`;
    if (rng.chance(0.2)) out += `{{${rng.pick(['range .', 'if .', 'with .', 'define "x"', 'block "x" .'])}}}${rng.pick(['.', 'x', '{{.}}', '{{template "x"}}'])}{{end}}`;
  }
  return out;
}
