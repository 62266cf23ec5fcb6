// Where each word of a docker command line sits: the command (as docker 20.10's command table knows it), each
// flag's value and each positional argument, with the argv index of each, so a rewrite can replace a value in
// place (`--name=dc01`, `-vdata:/d`, `-v data:/d`) and leave everything else exactly as written.

import { findEntry, ROOT_ENTRIES, type CommandNode, type FlagSpec, type RootEntry } from '../../../docker-cli/index.js';

/** A flag value or positional argument; `prefix` is what comes before the value in the same argv word. */
export interface Slot {
  index: number;
  prefix: string;
  value: string;
  /** the flag's long name, for flag values */
  flag?: string;
  /** the positional's number, from 0 */
  position?: number;
}

/** A command line taken apart. */
export interface SlottedArgv {
  /** `run`, `container inspect`, `volume ls`: the words as the command table names them */
  path: string;
  node: CommandNode;
  /** index of the first word after the command words (where added flags go) */
  commandEnd: number;
  /** long names of the global flags given before the command */
  globals: string[];
  /** long names of boolean flags given (`-dit` gives detach, interactive, tty) */
  booleans: string[];
  slots: Slot[];
}

const GLOBALS_WITH_VALUE: Record<string, string> = {
  '--config': 'config', '-c': 'context', '--context': 'context', '-H': 'host', '--host': 'host', '-l': 'log-level',
  '--log-level': 'log-level', '--tlscacert': 'tlscacert', '--tlscert': 'tlscert', '--tlskey': 'tlskey',
};

/** Takes `argv` (everything after `docker`) apart; null when it names no runnable command. */
export function slotArgv(argv: readonly string[]): SlottedArgv | null {
  let i = 0;
  const globals: string[] = [];
  while (i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-') {
    const token = argv[i]!;
    const [name] = token.split('=', 1) as [string];
    const valued = GLOBALS_WITH_VALUE[name];
    globals.push(valued ?? name.replace(/^-+/u, ''));
    i += valued !== undefined && !token.includes('=') ? 2 : 1;
  }
  let entry: RootEntry | undefined = findEntry(ROOT_ENTRIES, argv[i] ?? '');
  const words: string[] = [];
  if (entry?.kind === 'group') {
    words.push(entry.name);
    i++;
    // flags between a group and its subcommand (rare: `docker image --help ls`) are not looked through
    entry = findEntry(entry.children, argv[i] ?? '');
  }
  if (entry === undefined || entry.kind !== 'command') return null;
  words.push(entry.name);
  const node = entry;
  const flags = node.spec.flags;
  const slots: Slot[] = [];
  const booleans: string[] = [];
  let position = 0;
  let onlyPositionals = false;
  const commandEnd = i + 1;
  for (i = i + 1; i < argv.length; i++) {
    const token = argv[i]!;
    const start = i;
    if (onlyPositionals || token === '-' || !token.startsWith('-')) {
      slots.push({ index: i, prefix: '', value: token, position: position++ });
      if (!node.spec.interspersed) onlyPositionals = true;
      continue;
    }
    if (token === '--') {
      onlyPositionals = true;
      continue;
    }
    if (token.startsWith('--')) {
      const equals = token.indexOf('=');
      const name = token.slice(2, equals === -1 ? undefined : equals);
      const spec = flags.find((f) => f.name === name);
      if (equals !== -1) slots.push({ index: i, prefix: token.slice(0, equals + 1), value: token.slice(equals + 1), flag: spec?.name ?? name });
      else if (spec === undefined || spec.type === 'bool') booleans.push(name);
      else if (i + 1 < argv.length) slots.push({ index: ++i, prefix: '', value: argv[i]!, flag: spec.name });
      continue;
    }
    // a cluster of shorthands: booleans, then at most one that takes the rest of the word or the next word
    for (let j = 1; j < token.length; j++) {
      const spec: FlagSpec | undefined = flags.find((f) => f.short === token[j]);
      if (spec === undefined || spec.type === 'bool') {
        if (spec !== undefined) booleans.push(spec.name);
        continue;
      }
      const rest = token.slice(j + 1);
      if (rest !== '') {
        const cut = rest.startsWith('=') ? j + 2 : j + 1;
        slots.push({ index: start, prefix: token.slice(0, cut), value: token.slice(cut), flag: spec.name });
      } else if (i + 1 < argv.length) slots.push({ index: ++i, prefix: '', value: argv[i]!, flag: spec.name });
      break;
    }
  }
  return { path: words.join(' '), node, commandEnd, globals, booleans, slots };
}

/** The argv with some slots' values replaced. */
export function replaceSlots(argv: readonly string[], replacements: ReadonlyArray<{ slot: Slot; value: string }>): string[] {
  const out = [...argv];
  for (const { slot, value } of replacements) out[slot.index] = slot.prefix + value;
  return out;
}
