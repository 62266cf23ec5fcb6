// The one way every drydock subcommand reads its command line (`drydock docker` excepted: it is docker's own
// parser): node's parseArgs in strict mode, `-h/--help` added to every option table, and one message style
// for what is refused, naming the subcommand and the option as typed. Node's own messages are not shown:
// they are long, and they say how to pass a positional that starts with '-', which is rarely the mistake.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../scenario/suggest.js';
import { UsageError } from './usage-error.js';

/** A subcommand's options, as parseArgs takes them (`help` is added). */
export type OptionTable = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h' } } satisfies OptionTable;

interface StrictConfig<O extends OptionTable> {
  args: string[];
  options: O & typeof HELP;
  allowPositionals: true;
  strict: true;
}

type Parsed<O extends OptionTable> = ReturnType<typeof parseArgs<StrictConfig<O>>>;

/** What the command line asks for: the subcommand's help, or a run with these options and positionals. */
export type CommandArgs<O extends OptionTable> = { help: true } | { help: false; values: Parsed<O>['values']; positionals: string[] };

/** How many positionals a subcommand takes at most (more is a usage error). */
export interface Limits {
  maxPositionals?: number;
}

/** Parses `argv` (after the subcommand's name) for `command`; throws a UsageError naming what is wrong. */
export function parseCommandArgs<O extends OptionTable>(command: string, argv: readonly string[], options: O, limits: Limits = {}): CommandArgs<O> {
  const config: StrictConfig<O> = { args: [...argv], options: { ...options, ...HELP }, allowPositionals: true, strict: true };
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs(config);
  } catch (e) {
    return diagnose(command, config, e);
  }
  // parseArgs's value types stay unresolved while O is generic; `help` is always in the table
  if ((parsed.values as { help?: boolean }).help === true) return { help: true };
  const { maxPositionals } = limits;
  if (maxPositionals !== undefined && parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals] as string;
    throw new UsageError(`unexpected argument ${JSON.stringify(extra)}${maxPositionals === 0 ? ` (${command} takes none)` : ''}`, command);
  }
  return { help: false, values: parsed.values, positionals: parsed.positionals };
}

// Strict parsing failed: parse again leniently to see each option as typed, and say what is wrong with the
// first bad one. `--help` anywhere still wins (as in mocha), even where it was taken for a forgotten value:
// `drydock run --nope --help` and `drydock run --jobs --help` both help.
function diagnose<O extends OptionTable>(command: string, config: StrictConfig<O>, cause: unknown): { help: true } {
  const { tokens } = parseArgs({ ...config, strict: false, tokens: true });
  const options: OptionTable = config.options;
  const asksHelp = tokens.some((t) => t.kind === 'option' && (t.name === 'help' || (!t.inlineValue && (t.value === '--help' || t.value === '-h'))));
  if (asksHelp) return { help: true };
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = Object.hasOwn(options, t.name) ? options[t.name] : undefined;
    if (spec === undefined) {
      const hint = t.rawName.startsWith('--') ? didYouMean(t.name, Object.keys(options), (s) => `--${s}`) : undefined;
      throw new UsageError(`unknown option ${t.rawName}${hint ? `; ${hint}` : ''}`, command);
    }
    if (spec.type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(`option ${t.rawName} takes no value, not ${JSON.stringify(t.value)}`, command);
      continue;
    }
    if (t.value === undefined) throw new UsageError(`option ${t.rawName} needs a value`, command);
    // parseArgs refuses `--out --bail` as ambiguous: the value was most likely forgotten
    if (!t.inlineValue && t.value.length > 1 && t.value.startsWith('-')) {
      throw new UsageError(`option ${t.rawName} needs a value (for one that starts with '-', write --${t.name}=${t.value})`, command);
    }
  }
  throw new UsageError(cause instanceof Error ? cause.message : String(cause), command);
}
