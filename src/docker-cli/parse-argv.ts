// `docker <argv>` up to the point where docker 20.10 would contact the daemon: global flags, finding the
// command (cobra's Traverse), its flags (pflag), help, argument counts. Every stop produces docker's exact
// output and exit code; see docker-reference.md 3.9 and the oracle checks in test/docker-cli.

import { findEntry, ROOT_ENTRIES, type CommandNode, type GroupNode, type RootEntry } from './command-table.js';
import type { ArgRule, FlagSpec } from './flag-spec.js';
import { checkGlobalOptions, CLIENT_VERSION_LINE, GLOBAL_FLAGS, toGlobalOptions, VERSION_FLAG, type GlobalOptions } from './global-flags.js';
import { runHelpCommand } from './help-command.js';
import { commandPath, commandUsage, groupUsage, useLine } from './help-text.js';
import type { ClientEnv } from './kv-options.js';
import type { ParseResult, ParseStop } from './parse-result.js';
import { parseFlags, PERSISTENT_HELP_FLAG } from './pflag.js';
import { rootUsage } from './root-help.js';

/** Options for parseDockerArgv. */
export interface ParseOptions {
  /** the docker client's environment: `-e NAME` and `--build-arg NAME` take values from it */
  env?: ClientEnv;
}

const ROOT_FLAGS: readonly FlagSpec[] = [...GLOBAL_FLAGS, VERSION_FLAG, PERSISTENT_HELP_FLAG];
const HELP_ONLY: readonly FlagSpec[] = [PERSISTENT_HELP_FLAG];
const helpAdded = new WeakMap<readonly FlagSpec[], readonly FlagSpec[]>();

// A command's flags plus the inherited --help, one array per command so the flag index is built once.
function withHelp(flags: readonly FlagSpec[]): readonly FlagSpec[] {
  let all = helpAdded.get(flags);
  if (!all) {
    all = [...flags, PERSISTENT_HELP_FLAG];
    helpAdded.set(flags, all);
  }
  return all;
}

// Output collected on the way (pflag notices), prepended to whatever ends the parse.
interface Notices {
  stdout: string;
  stderr: string;
}

function stop(reason: ParseStop, exitCode: number, notices: Notices, out: { stdout?: string; stderr?: string }): ParseResult {
  return { ok: false, reason, exitCode, stdout: notices.stdout + (out.stdout ?? ''), stderr: notices.stderr + (out.stderr ?? '') };
}

function argError(path: string, node: CommandNode, rule: ArgRule, n: number): string | undefined {
  const plural = (k: number) => (k === 1 ? 'argument' : 'arguments');
  let what: string | undefined;
  switch (rule.kind) {
    case 'none':
      if (n > 0) what = 'accepts no arguments';
      break;
    case 'exact':
      if (n !== rule.n) what = `requires exactly ${rule.n} ${plural(rule.n)}`;
      break;
    case 'min':
      if (n < rule.n) what = `requires at least ${rule.n} ${plural(rule.n)}`;
      break;
    case 'max':
      if (n > rule.n) what = `requires at most ${rule.n} ${plural(rule.n)}`;
      break;
    case 'range':
      if (n < rule.min || n > rule.max) what = `requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}`;
      break;
    case 'cobra-exact':
      return n === rule.n ? undefined : `accepts ${rule.n} arg(s), received ${n}\n`;
    case 'any':
      break;
  }
  if (what === undefined) return undefined;
  const p = commandPath(path, node);
  return `"${p}" ${what}.\nSee '${p} --help'.\n\nUsage:  ${useLine(path, node)}\n\n${node.spec.short}\n`;
}

function unsupportedFlags(node: CommandNode, set: readonly string[]): string | undefined {
  const errs = node.spec.flags
    .filter((f) => f.onlyOn !== undefined && set.includes(f.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((f) =>
      f.onlyOn === 'windows'
        ? `"--${f.name}" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux`
        : `"--${f.name}" is only supported on a Docker daemon with experimental features enabled`,
    );
  return errs.length > 0 ? errs.join('\n') + '\n' : undefined;
}

// cobra's hasNoOptDefVal / shortHasNoOptDefVal: only bool flags may stand without a value.
function isBoolFlag(flags: readonly FlagSpec[], long?: string, short?: string): boolean {
  const f = flags.find((x) => (long !== undefined ? x.name === long : x.short === short));
  return f?.type === 'bool';
}

type Found = { entry: RootEntry | 'root' | 'help'; parent: GroupNode | undefined; words: string[]; rest: string[] };

// The command a word names under `current`, or undefined (cobra's findNext; `help` is cobra's own command).
function childNamed(current: 'root' | GroupNode, word: string): RootEntry | 'help' | undefined {
  if (current === 'root') return word === 'help' ? 'help' : findEntry(ROOT_ENTRIES, word);
  return findEntry(current.children, word);
}

// cobra's Traverse: walk down command words; flags met before a word belong to the command above it and are
// parsed there (a failure there is a plain error, exit 1). Returns the command reached and what follows it.
function traverse(args: string[], shared: { help: boolean }, notices: Notices, env: ClientEnv): Found | ParseResult {
  const found: Found = { entry: 'root', parent: undefined, words: [], rest: args };
  for (;;) {
    const current = found.entry;
    if (current !== 'root' && (typeof current === 'string' || current.kind !== 'group')) return found;
    const flags = current === 'root' ? ROOT_FLAGS : HELP_ONLY;
    const pending: string[] = [];
    let inFlag = false;
    let next: { entry: RootEntry | 'help'; at: number } | undefined;
    for (let i = 0; i < found.rest.length && next === undefined; i++) {
      const arg = found.rest[i] ?? '';
      if (arg.startsWith('--') && !arg.includes('=')) {
        inFlag = !isBoolFlag(flags, arg.slice(2)); // an unknown flag is assumed to take the next word
        pending.push(arg);
      } else if (arg.startsWith('-') && !arg.includes('=') && arg.length === 2 && !isBoolFlag(flags, undefined, arg[1])) {
        inFlag = true;
        pending.push(arg);
      } else if (inFlag) {
        inFlag = false;
        pending.push(arg);
      } else if ((arg.length >= 3 && arg[1] === '-') || (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-')) {
        pending.push(arg);
      } else {
        const entry = childNamed(current, arg);
        if (entry === undefined) return found;
        next = { entry, at: i };
      }
    }
    if (next === undefined) return found;
    const parsed = parseFlags(flags, pending, { interspersed: true, env });
    if (parsed.error !== undefined) return stop('flag-error', 1, notices, { stderr: parsed.error + '\n' });
    notices.stdout += parsed.state.warnings;
    if (parsed.state.set.includes('help')) shared.help = parsed.state.values['help'] === true;
    found.parent = current === 'root' ? undefined : current;
    found.words.push(found.rest[next.at] ?? '');
    found.entry = next.entry;
    found.rest = found.rest.slice(next.at + 1);
  }
}

/** Parses everything after `docker` as the docker 20.10 client does, without touching any daemon state. */
export function parseDockerArgv(argv: readonly string[], options: ParseOptions = {}): ParseResult {
  const env = options.env ?? {};
  const notices: Notices = { stdout: '', stderr: '' };

  // HandleGlobalFlags: root flags up to the first word; pflag notices go to stderr here.
  const globalParse = parseFlags(ROOT_FLAGS, argv, { interspersed: false, env });
  notices.stderr += globalParse.state.warnings;
  const global: GlobalOptions = toGlobalOptions(globalParse.state.values, globalParse.state.set);
  const initError = checkGlobalOptions(global);
  if (initError !== undefined) return stop('global-error', 1, notices, { stderr: initError + '\n' });
  if (globalParse.error !== undefined) {
    return stop('flag-error', 125, notices, { stderr: `${globalParse.error}\nSee 'docker --help'.\n\n${rootUsage(false)}\n` });
  }
  // --help is one flag shared by every command (a persistent flag of the root), so `docker --help ps` is ps help
  const shared = { help: globalParse.state.values['help'] === true };
  const versionRequested = globalParse.state.values['version'] === true;

  const found = traverse([...globalParse.state.args], shared, notices, env);
  if ('ok' in found) return found;
  const entry = found.entry;
  if (entry === 'root') return runRoot(found.rest, shared.help, versionRequested, notices, env);
  if (entry === 'help') return runHelpCommand(found.rest, shared.help, notices, env, global);
  const commandEnd = argv.length - found.rest.length;
  const globals = globalParse.state.set;
  if (entry.kind === 'refused') {
    return {
      ok: true,
      command: {
        name: entry.name, typed: found.words, path: `docker ${entry.name}`, flags: {}, flagsSet: new Set(),
        args: found.rest, argsLenAtDash: -1, global, refused: true, notices,
        positions: { commandEnd, occurrences: [], argIndexes: found.rest.map((_, k) => commandEnd + k), globals },
      },
    };
  }
  if (entry.kind === 'group') return runGroup(entry, found.rest, shared.help, notices, env);
  return runCommand(entry, found, shared.help, notices, env, global, { commandEnd, globals });
}

function runRoot(args: string[], help: boolean, version: boolean, notices: Notices, env: ClientEnv): ParseResult {
  const parsed = parseFlags(ROOT_FLAGS, args, { interspersed: true, env });
  if (parsed.error !== undefined) {
    return stop('flag-error', 125, notices, { stderr: `${parsed.error}\nSee 'docker --help'.\n\n${rootUsage(true)}\n` });
  }
  notices.stdout += parsed.state.warnings;
  if (help || parsed.state.values['help'] === true) return stop('help', 0, notices, { stdout: '\n' + rootUsage(true) });
  if (version || parsed.state.values['version'] === true) return stop('version', 0, notices, { stdout: CLIENT_VERSION_LINE });
  const first = parsed.state.args[0];
  if (first === undefined) return stop('help', 0, notices, { stderr: '\n' + rootUsage(true) });
  return stop('unknown-command', 1, notices, { stderr: `docker: '${first}' is not a docker command.\nSee 'docker --help'\n` });
}

function runGroup(group: GroupNode, args: string[], help: boolean, notices: Notices, env: ClientEnv): ParseResult {
  const usage = groupUsage(group);
  const parsed = parseFlags([PERSISTENT_HELP_FLAG], args, { interspersed: true, env });
  if (parsed.error !== undefined) {
    return stop('flag-error', 125, notices, { stderr: `${parsed.error}\nSee 'docker ${group.name} --help'.\n\n${usage}\n` });
  }
  notices.stdout += parsed.state.warnings;
  if (parsed.state.set.includes('help') ? parsed.state.values['help'] === true : help) {
    return stop('help', 0, notices, { stdout: '\n' + usage });
  }
  if (parsed.state.args.length > 0) return stop('arg-error', 1, notices, { stderr: '\n' + usage.trimEnd() + '\n' });
  return stop('help', 0, notices, { stderr: '\n' + usage });
}

function runCommand(
  node: CommandNode,
  found: Found,
  help: boolean,
  notices: Notices,
  env: ClientEnv,
  global: GlobalOptions,
  where: { commandEnd: number; globals: string[] },
): ParseResult {
  const spec = node.spec;
  const ownHelp = spec.flags.some((f) => f.name === 'help');
  const flags = ownHelp ? spec.flags : withHelp(spec.flags);
  const parentPath = found.parent === undefined ? 'docker' : `docker ${found.parent.name}`;
  const path = commandPath(parentPath, node);
  const parsed = parseFlags(flags, found.rest, { interspersed: spec.interspersed, env });
  if (parsed.error !== undefined) return stop('flag-error', 125, notices, { stderr: `${parsed.error}\nSee '${path} --help'.\n` });
  const state = parsed.state;
  notices.stdout += state.warnings;
  const helpValue = ownHelp || state.set.includes('help') ? state.values['help'] === true : help;
  if (helpValue) return stop('help', 0, notices, { stdout: '\n' + commandUsage(parentPath, node) });
  const unsupported = unsupportedFlags(node, state.set);
  if (unsupported !== undefined) return stop('unsupported-flag', 1, notices, { stderr: unsupported });
  const arity = argError(parentPath, node, spec.args, state.args.length);
  if (arity !== undefined) return stop('arg-error', 1, notices, { stderr: arity });
  // the parse's own values become the command's (not copied: `docker run` has some 100); the inherited --help
  // is not one of its flags
  const values = state.values;
  if (!ownHelp) delete values['help'];
  return {
    ok: true,
    command: {
      name: node.canonical,
      typed: found.words,
      path,
      flags: values,
      flagsSet: new Set(state.set.filter((k) => ownHelp || k !== 'help')),
      args: state.args,
      argsLenAtDash: state.argsLenAtDash,
      global,
      refused: node.refused,
      notices,
      positions: {
        commandEnd: where.commandEnd,
        occurrences: state.occurrences.map((o) => ({ ...o, index: o.index + where.commandEnd })),
        argIndexes: state.argIndexes.map((k) => k + where.commandEnd),
        globals: where.globals,
      },
    },
  };
}
