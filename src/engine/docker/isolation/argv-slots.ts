// Where each word of a docker command line sits: the command (as docker 20.10's command table knows it), each
// flag's value and each positional argument, with the argv index of each, so a rewrite can replace a value in
// place (`--name=dc01`, `-vdata:/d`, `-v data:/d`) and leave everything else exactly as written.

import { findEntry, parseDockerArgv, ROOT_ENTRIES, type ClientEnv, type CommandNode, type ParsedCommand, type RootEntry } from '../../../docker-cli/index.js';

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
  /** the parse the slots come from (flag values typed, defaults included) */
  command: ParsedCommand;
  /** index of the first word after the command words (where added flags go) */
  commandEnd: number;
  /** long names of the global flags given before the command */
  globals: string[];
  /** long names of boolean flags given and on (`-dit` gives detach, interactive, tty) */
  booleans: string[];
  slots: Slot[];
}

/**
 * Takes `argv` (everything after `docker`) apart with docker-cli's parser, the one grammar every part of drydock
 * reads a docker command line with; null when docker would not run it (a usage error, help, an unknown command).
 */
export function slotArgv(argv: readonly string[], env: ClientEnv = {}): SlottedArgv | null {
  const parsed = parseDockerArgv(argv, { env });
  if (!parsed.ok) return null;
  const command = parsed.command;
  const node = commandNode(command.typed);
  if (node === undefined) return null;
  const { positions } = command;
  const slots: Slot[] = [];
  for (const o of positions.occurrences) {
    if (!o.bare) slots.push({ index: o.index, prefix: o.prefix, value: o.value, flag: o.name });
  }
  positions.argIndexes.forEach((index, position) => slots.push({ index, prefix: '', value: argv[index] ?? '', position }));
  slots.sort((a, b) => a.index - b.index);
  const booleans = [...command.flagsSet].filter((k) => command.flags[k] === true);
  const path = node.path;
  return { path, node: node.node, command, commandEnd: positions.commandEnd, globals: positions.globals, booleans, slots };
}

// the command table entry of the typed words, and its words as the table names them (`container list` → `container ls`)
function commandNode(typed: readonly string[]): { node: CommandNode; path: string } | undefined {
  let entry: RootEntry | undefined = findEntry(ROOT_ENTRIES, typed[0] ?? '');
  const words: string[] = [];
  if (entry?.kind === 'group') {
    words.push(entry.name);
    entry = findEntry(entry.children, typed[1] ?? '');
  }
  if (entry === undefined || entry.kind !== 'command') return undefined;
  words.push(entry.name);
  return { node: entry, path: words.join(' ') };
}

/** The argv with some slots' values replaced. */
export function replaceSlots(argv: readonly string[], replacements: ReadonlyArray<{ slot: Slot; value: string }>): string[] {
  const out = [...argv];
  for (const { slot, value } of replacements) out[slot.index] = slot.prefix + value;
  return out;
}
