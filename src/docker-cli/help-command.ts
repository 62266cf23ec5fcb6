// `docker help [command…]`: cobra's help command as docker 20.10 sets it up. It prints the named command's
// help on stdout, or fails with "unknown help topic: …" (exit 1).

import { findEntry, ROOT_ENTRIES, type GroupNode, type RootEntry } from './command-table.js';
import type { GlobalOptions } from './global-flags.js';
import { commandUsage, groupUsage, HELP_COMMAND_USAGE } from './help-text.js';
import type { ClientEnv } from './kv-options.js';
import type { ParseResult } from './parse-result.js';
import { parseFlags, PERSISTENT_HELP_FLAG } from './pflag.js';
import { rootUsage } from './root-help.js';

/** Runs `docker help <args>` after the word `help`. */
export function runHelpCommand(
  args: readonly string[],
  helpRequested: boolean,
  notices: { stdout: string; stderr: string },
  env: ClientEnv,
  global: GlobalOptions,
): ParseResult {
  const done = (exitCode: number, reason: 'help' | 'flag-error' | 'arg-error', out: { stdout?: string; stderr?: string }): ParseResult => ({
    ok: false,
    reason,
    exitCode,
    stdout: notices.stdout + (out.stdout ?? ''),
    stderr: notices.stderr + (out.stderr ?? ''),
  });
  const parsed = parseFlags([PERSISTENT_HELP_FLAG], args, { interspersed: true, env });
  if (parsed.error !== undefined) return done(125, 'flag-error', { stderr: `${parsed.error}\nSee 'docker help --help'.\n` });
  notices.stdout += parsed.state.warnings;
  const help = parsed.state.set.includes('help') ? parsed.state.values['help'] === true : helpRequested;
  if (help) return done(0, 'help', { stdout: '\n' + HELP_COMMAND_USAGE });

  // cobra's Find: follow command words from the root as far as they name commands.
  const words = parsed.state.args;
  let current: RootEntry | 'root' | 'help' = 'root';
  let parent: GroupNode | undefined;
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    let next: RootEntry | 'help' | undefined;
    if (current === 'root') next = word === 'help' ? 'help' : findEntry(ROOT_ENTRIES, word);
    else if (typeof current !== 'string' && current.kind === 'group') next = findEntry(current.children, word);
    if (next === undefined) break;
    if (typeof current !== 'string' && current.kind === 'group') parent = current;
    current = next;
  }
  const rest = words.slice(i);
  if (current === 'root') {
    return rest.length > 0 ? done(1, 'arg-error', { stderr: `unknown help topic: ${rest.join(' ')}\n` }) : done(0, 'help', { stdout: '\n' + rootUsage(true) });
  }
  if (current !== 'help' && current.kind === 'refused') {
    const command = {
      name: current.name, typed: words.slice(0, i), path: `docker ${current.name}`, flags: {}, flagsSet: new Set<string>(),
      args: [...rest, '--help'], argsLenAtDash: -1, global, refused: true, notices,
      // `docker help network create` is rearranged into `network create --help`: no argv index applies
      positions: { commandEnd: 0, occurrences: [], argIndexes: [], globals: [] },
    };
    return { ok: true, command };
  }
  if (rest.length > 0) return done(1, 'arg-error', { stderr: `unknown help topic: ${rest.join(' ')}\n` });
  if (current === 'help') return done(0, 'help', { stdout: '\n' + HELP_COMMAND_USAGE });
  if (current.kind === 'group') return done(0, 'help', { stdout: '\n' + groupUsage(current) });
  const parentPath = parent === undefined ? 'docker' : `docker ${parent.name}`;
  return done(0, 'help', { stdout: '\n' + commandUsage(parentPath, current) });
}
