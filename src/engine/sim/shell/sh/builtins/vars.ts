// Builtins that manage variables, options and positional parameters: export, readonly, unset, local, set,
// shift, getopts. Listings use ash's single quoting (`export NAME='value'`) and sorted order.

import { OPTION_LETTERS, OPTION_ORDER } from '../options.js';
import type { ShellOptions } from '../options.js';
import type { Shell } from '../shell.js';
import type { Builtin } from './index.js';
import { number } from './flow.js';

const special = (run: Builtin['run']): Builtin => ({ special: true, run });
const regular = (run: Builtin['run']): Builtin => ({ special: false, run });
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** ash's single_quote(): always quoted, `'` written as '"'"'. */
function singleQuote(s: string): string {
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function exportLike(kind: 'export' | 'readonly'): Builtin {
  return special((sh, argv) => {
    const args = argv.slice(1).filter((a) => a !== '-p' && a !== '--');
    if (args.length === 0) {
      const vars = sh.vars.list().filter((v) => (kind === 'export' ? v.exported : v.readonly)).sort(byName);
      for (const v of vars) sh.out(v.value === undefined ? `${kind} ${v.name}\n` : `${kind} ${v.name}=${singleQuote(v.value)}\n`);
      return 0;
    }
    for (const a of args) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a : a.slice(0, eq);
      if (!NAME.test(name)) sh.raise(`${name}: bad variable name`, kind);
      const existing = sh.vars.get(name);
      if (eq !== -1) {
        if (existing?.readonly) sh.raise(`${name}: is read only`, null);
        sh.vars.set(name, a.slice(eq + 1), kind === 'export' ? { exported: true } : { readonly: true });
      } else {
        sh.vars.set(name, existing?.value, kind === 'export' ? { exported: true } : { readonly: true });
      }
    }
    return 0;
  });
}

function unset(sh: Shell, argv: string[]): number {
  let functions = false;
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '-f') functions = true;
    else if (a === '-v') functions = false;
    else names.push(a);
  }
  for (const name of names) {
    if (functions) {
      sh.funcs.delete(name);
      continue;
    }
    const v = sh.vars.get(name);
    if (v?.readonly) sh.raise(`${name}: is read only`, 'unset');
    if (sh.locals.length === 0 || !sh.locals[sh.locals.length - 1]?.has(name)) sh.vars.delete(name);
    else if (v) v.value = undefined;
  }
  return 0;
}

function local(sh: Shell, argv: string[]): number {
  const scope = sh.locals[sh.locals.length - 1];
  if (!scope) sh.raise('not in a function', 'local');
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    const name = eq === -1 ? a : a.slice(0, eq);
    if (!NAME.test(name)) sh.raise(`${name}: bad variable name`, 'local');
    if (!scope.has(name)) {
      const old = sh.vars.get(name);
      scope.set(name, old ? { ...old } : null);
    }
    if (eq !== -1) sh.setVar(name, a.slice(eq + 1));
    else if (!sh.vars.get(name)) sh.vars.set(name, undefined);
  }
  return 0;
}

function set(sh: Shell, argv: string[]): number {
  if (argv.length === 1) {
    for (const v of [...sh.vars.list()].sort(byName)) if (v.value !== undefined) sh.out(`${v.name}=${singleQuote(v.value)}\n`);
    return 0;
  }
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      sh.params = argv.slice(i + 1);
      return 0;
    }
    if (a === '-' || a === '+') {
      i++;
      break;
    }
    if (!/^[-+]/.test(a)) break;
    const on = a[0] === '-';
    for (const c of a.slice(1)) {
      if (c === 'o') {
        const name = argv[i + 1];
        if (name === undefined) {
          for (const o of OPTION_ORDER) {
            sh.out(on ? `${o.padEnd(16)}${sh.opts[o] ? 'on' : 'off'}\n` : `set ${sh.opts[o] ? '-' : '+'}o ${o}\n`);
          }
          continue;
        }
        i++;
        if (!(OPTION_ORDER as string[]).includes(name)) {
          sh.message(`illegal option ${a[0]}o ${name}`, 'set');
          return 1;
        }
        sh.opts[name as keyof ShellOptions] = on;
        continue;
      }
      const opt = OPTION_LETTERS[c];
      if (!opt) sh.raise(`illegal option ${a[0]}${c}`, 'set');
      sh.opts[opt] = on;
    }
  }
  if (i < argv.length) sh.params = argv.slice(i);
  return 0;
}

function getopts(sh: Shell, argv: string[]): number {
  const spec = argv[1];
  const varName = argv[2];
  if (spec === undefined || varName === undefined) sh.raise('usage: getopts optstring var [arg...]', 'getopts');
  const args = argv.length > 3 ? argv.slice(3) : sh.params;
  let optind = Number.parseInt(sh.vars.value('OPTIND') ?? '1', 10) || 1;
  const state = getoptsState(sh);
  if (state.optind !== optind) {
    state.optind = optind;
    state.sub = 1;
  }
  const arg = args[optind - 1];
  const silent = spec.startsWith(':');
  if (arg === undefined || !arg.startsWith('-') || arg === '-') {
    sh.setVar(varName, '?');
    return 1;
  }
  if (arg === '--') {
    sh.setVar('OPTIND', String(optind + 1));
    sh.setVar(varName, '?');
    return 1;
  }
  const c = arg[state.sub] ?? '';
  state.sub++;
  const advance = (): void => {
    if (state.sub >= arg.length) {
      optind++;
      state.sub = 1;
    }
    state.optind = optind;
    sh.setVar('OPTIND', String(optind));
  };
  const idx = spec.indexOf(c);
  if (idx === -1 || c === ':') {
    advance();
    sh.setVar(varName, '?');
    if (silent) sh.setVar('OPTARG', c);
    else {
      sh.err(`Illegal option -${c}\n`);
      sh.vars.delete('OPTARG');
    }
    return 0;
  }
  if (spec[idx + 1] === ':') {
    let value: string | undefined;
    if (state.sub < arg.length) {
      value = arg.slice(state.sub);
      optind++;
    } else {
      value = args[optind];
      optind += 2;
    }
    state.sub = 1;
    state.optind = optind;
    sh.setVar('OPTIND', String(optind));
    if (value === undefined) {
      if (silent) {
        sh.setVar(varName, ':');
        sh.setVar('OPTARG', c);
      } else {
        sh.err(`No arg for -${c} option\n`);
        sh.setVar(varName, '?');
      }
      return 0;
    }
    sh.setVar('OPTARG', value);
    sh.setVar(varName, c);
    return 0;
  }
  advance();
  // an option without an argument empties OPTARG (ash's getopts sets it to "")
  sh.setVar('OPTARG', '');
  sh.setVar(varName, c);
  return 0;
}

const GETOPTS = new WeakMap<Shell, { optind: number; sub: number }>();
function getoptsState(sh: Shell): { optind: number; sub: number } {
  let s = GETOPTS.get(sh);
  if (!s) {
    s = { optind: 1, sub: 1 };
    GETOPTS.set(sh, s);
  }
  return s;
}

/** export, readonly, unset, local, set, shift, getopts. */
export const VAR_BUILTINS: [string, Builtin][] = [
  ['export', exportLike('export')],
  ['readonly', exportLike('readonly')],
  ['unset', special(unset)],
  ['local', special(local)],
  ['set', special(set)],
  ['shift', special((sh, argv) => {
    const n = argv[1] === undefined ? 1 : number(sh, 'shift', argv[1]);
    if (n > sh.params.length) return 1;
    sh.params = sh.params.slice(n);
    return 0;
  })],
  ['getopts', regular(getopts)],
];
