// spf13/pflag's FlagSet.Parse (v1.0.5), the flag syntax of every docker command: `-m x`, `-mx`, `-m=x`,
// `--message x`, `--message=x`, combined booleans `-dit`, `--` to end flags, and optionally stopping at the
// first positional argument (SetInterspersed(false)). Error texts are pflag's own.

import type { FlagSpec } from './flag-spec.js';
import { defaultValue, setFlagValue, type FlagValue } from './flag-value.js';
import { goQuote, goQuoteRune } from './go-strconv.js';
import type { ClientEnv } from './kv-options.js';

/** The hidden `--help` flag every docker command inherits from the root (its `-h` form is deprecated). */
export const PERSISTENT_HELP_FLAG: FlagSpec = { name: 'help', short: 'h', type: 'bool', usage: 'Print usage', hidden: true };

/** What the parse of one command's flags produced. */
export interface FlagSetState {
  /** every flag of the set by long name (shared flags under the name they share), defaults included */
  values: Record<string, FlagValue>;
  /** long names of the flags given on the command line, in first-use order */
  set: string[];
  /** the positional arguments */
  args: string[];
  /** number of positional arguments before `--`, or -1 */
  argsLenAtDash: number;
  /** pflag's warnings ("Flag shorthand -h has been deprecated, please use --help"), one per line */
  warnings: string;
  /** each flag as written, in order, so a rewrite can replace one value in place */
  occurrences: FlagOccurrence[];
  /** argv index (of the parsed slice) of each positional argument */
  argIndexes: number[];
}

/** One flag as written: its long name, its value, and where in the parsed argv the value sits. */
export interface FlagOccurrence {
  name: string;
  value: string;
  /** index of the word that holds the value (for a bool without `=`, the flag's own word) */
  index: number;
  /** the part of that word before the value: '' when the value is a word of its own */
  prefix: string;
  /** true for a bool flag given without a value (`-d`, `--rm`) */
  bare: boolean;
}

/** A pflag parse: the state, plus the error text when it stopped early. */
export type PflagOutcome = { state: FlagSetState; error?: string };

/** Options of one parse. */
export interface PflagOptions {
  interspersed: boolean;
  env: ClientEnv;
}

/** A fresh state with every flag at its default. */
function newFlagState(flags: readonly FlagSpec[]): FlagSetState {
  // the defaults worked out once (`docker run` has some 100 flags), each list a fresh one; a loop of stores
  // measured faster than spreading a template object (one this large is a dictionary, slow to copy)
  const values: Record<string, FlagValue> = {};
  for (const [name, value] of flagIndex(flags).defaults) values[name] = value ?? [];
  return { values, set: [], args: [], argsLenAtDash: -1, warnings: '', occurrences: [], argIndexes: [] };
}

/** What parsing a command's flags needs of them, worked out once per command table entry. */
interface FlagIndex {
  byName: Map<string, FlagSpec>;
  byShort: Map<string, FlagSpec>;
  /** every flag's name and default value, in the flags' order (shared flags under their own entry only); no value: an empty list */
  defaults: [string, Exclude<FlagValue, string[]> | undefined][];
}

const indexes = new WeakMap<readonly FlagSpec[], FlagIndex>();

// A command's flags by long and short name, and their defaults, built once per command table entry (every
// docker line parses).
function flagIndex(flags: readonly FlagSpec[]): FlagIndex {
  let index = indexes.get(flags);
  if (!index) {
    const defaults: FlagIndex['defaults'] = [];
    for (const f of flags) {
      if (f.shares !== undefined) continue;
      const value = defaultValue(f);
      defaults.push([f.name, Array.isArray(value) ? undefined : value]);
    }
    index = {
      byName: new Map(flags.map((f) => [f.name, f])),
      byShort: new Map(flags.filter((f) => f.short).map((f) => [f.short ?? '', f])),
      defaults,
    };
    indexes.set(flags, index);
  }
  return index;
}

// The first byte of a string's UTF-8 form, as pflag sees a shorthand letter.
function firstByte(s: string): number {
  return new TextEncoder().encode(s)[0] ?? 0;
}

// Sets one flag's value the way pflag's Set does; the error text when the value does not parse.
function setValue(state: FlagSetState, f: FlagSpec, value: string, env: ClientEnv): string | undefined {
  const key = f.shares ?? f.name;
  const r = setFlagValue(f, state.values[key] ?? defaultValue(f), value, env);
  if (!r.ok) {
    const flagName = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
    return `invalid argument ${goQuote(value)} for ${goQuote(flagName)} flag: ${r.error}`;
  }
  state.values[key] = r.value;
  if (!state.set.includes(key)) state.set.push(key);
  return undefined;
}

// The words from `from` on are positional arguments; their indexes into argv are kept (not shifted away) so
// every value's position is known.
function restFrom(state: FlagSetState, argv: readonly string[], from: number): void {
  for (let k = from; k < argv.length; k++) {
    state.args.push(argv[k] ?? '');
    state.argIndexes.push(k);
  }
}

// Records a flag as written (module-level, like the two above: parseFlags runs for every docker line, and a
// closure per helper per parse was measurable).
function note(state: FlagSetState, f: FlagSpec, value: string, index: number, prefix: string, bare: boolean): void {
  state.occurrences.push({ name: f.name, value, index, prefix, bare });
}

/** Parses `argv` against `flags`, continuing `state` (cobra parses a group's and a command's flags separately). */
export function parseFlags(flags: readonly FlagSpec[], argv: readonly string[], opts: PflagOptions, state = newFlagState(flags)): PflagOutcome {
  const { byName, byShort } = flagIndex(flags);
  let i = 0;
  while (i < argv.length) {
    const at = i;
    const s = argv[i++] ?? '';
    if (s.length === 0 || s[0] !== '-' || s.length === 1) {
      state.args.push(s);
      state.argIndexes.push(at);
      if (!opts.interspersed) {
        restFrom(state, argv, i);
        return { state };
      }
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        state.argsLenAtDash = state.args.length;
        restFrom(state, argv, i);
        return { state };
      }
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') return { state, error: `bad flag syntax: ${s}` };
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const f = byName.get(name);
      if (f === undefined) return { state, error: `unknown flag: --${name}` };
      let value: string;
      if (eq >= 0) {
        value = body.slice(eq + 1);
        note(state, f, value, at, s.slice(0, eq + 3), false);
      } else if (f.type === 'bool') {
        value = 'true';
        note(state, f, value, at, s, true);
      } else if (i < argv.length) {
        value = argv[i] ?? '';
        note(state, f, value, i++, '', false);
      } else return { state, error: `flag needs an argument: ${s}` };
      const err = setValue(state, f, value, opts.env);
      if (err !== undefined) return { state, error: err };
      continue;
    }
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      if (shorthands.startsWith('test.')) break; // pflag ignores Go test flags
      const c = shorthands[0] ?? '';
      const f = c.charCodeAt(0) < 0x80 ? byShort.get(c) : undefined;
      if (f === undefined) return { state, error: `unknown shorthand flag: ${goQuoteRune(firstByte(shorthands))} in -${shorthands}` };
      let value: string;
      let rest = shorthands.slice(1);
      const used = s.length - shorthands.length; // characters of the word before this shorthand
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2);
        rest = '';
        note(state, f, value, at, s.slice(0, used + 2), false);
      } else if (f.type === 'bool') {
        value = 'true';
        note(state, f, value, at, s, true);
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        rest = '';
        note(state, f, value, at, s.slice(0, used + 1), false);
      } else if (i < argv.length) {
        value = argv[i] ?? '';
        note(state, f, value, i++, '', false);
      } else {
        return { state, error: `flag needs an argument: ${goQuoteRune(c.charCodeAt(0))} in -${shorthands}` };
      }
      if (f === PERSISTENT_HELP_FLAG) state.warnings += 'Flag shorthand -h has been deprecated, please use --help\n';
      const err = setValue(state, f, value, opts.env);
      if (err !== undefined) return { state, error: err };
      shorthands = rest;
    }
  }
  return { state };
}
