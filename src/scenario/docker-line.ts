// A `docker:` step checked at load time with the same parser `drydock docker` uses, so an unknown flag or a
// missing argument is a positioned problem before anything runs. Words holding a `${{ }}` template are only
// known at run time, so a parse error blamed on such a word is not reported.

import { findEntry, parseDockerArgv, ROOT_ENTRIES, type CommandNode, type RootEntry } from '../docker-cli/index.js';
import type { ScenarioProblemCode } from './problem.js';
import { splitShellWords, type ShellWord } from './shell-words.js';
import { closest } from './suggest.js';

/** A problem inside the line; offsets are into the step's string. */
export interface LineProblem {
  code: ScenarioProblemCode;
  message: string;
  start: number;
  end: number;
  suggestion?: string;
}

/** The line's words (after an optional leading `docker`), the command it names, and what is wrong with it. */
export interface DockerLineCheck {
  words: ShellWord[];
  problems: LineProblem[];
  /** the canonical command (`run`, `volume create`) and its path as docker prints it, when the line parses */
  command?: { name: string; path: string; refused: boolean };
}

/** Splits and parses a docker step line. */
export function checkDockerLine(line: string): DockerLineCheck {
  const split = splitShellWords(line);
  if (!split.ok) return { words: [], problems: [{ code: 'DOCKER_SYNTAX', message: split.message, start: split.offset, end: split.offset + 1 }] };
  const words = split.words[0]?.text === 'docker' ? split.words.slice(1) : split.words;
  if (split.operator) {
    const { text, offset } = split.operator;
    const message = `\`${text}\` is a shell operator, and a docker step runs no shell: quote it, or use a \`host:\` step`;
    return { words, problems: [{ code: 'DOCKER_SHELL_OPERATOR', message, start: offset, end: offset + 1 }] };
  }
  if (words.length === 0) {
    const end = Math.max(1, line.length);
    return { words, problems: [{ code: 'DOCKER_UNKNOWN_COMMAND', message: 'the docker step has no command', start: 0, end }] };
  }
  const argv = words.map((w) => (w.text.includes('${{') ? 'x' : w.text));
  const parsed = parseDockerArgv(argv);
  if (parsed.ok) return { words, problems: [], command: { name: parsed.command.name, path: parsed.command.path, refused: parsed.command.refused } };
  if (parsed.reason === 'help' || parsed.reason === 'version') return { words, problems: [] };
  const problem = explain(parsed.reason, parsed.stderr, words);
  if (!problem) return { words, problems: [] };
  return { words, problems: [problem] };
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? ''
  );
}

function at(word: ShellWord | undefined, words: ShellWord[]): { start: number; end: number } {
  const w = word ?? words[0];
  return w ? { start: w.start, end: w.end } : { start: 0, end: 1 };
}

// The command a line names, skipping leading global flags (enough to suggest flag and subcommand names).
function locate(words: ShellWord[]): { node?: CommandNode; groupName?: string; children?: readonly RootEntry[]; index: number } {
  let i = 0;
  while (i < words.length && (words[i] as ShellWord).text.startsWith('-')) i++;
  const entry = findEntry(ROOT_ENTRIES, words[i]?.text ?? '');
  if (entry?.kind === 'command') return { node: entry, index: i };
  if (entry?.kind === 'group') {
    const child = findEntry(entry.children, words[i + 1]?.text ?? '');
    return child ? { node: child, index: i + 1 } : { groupName: entry.name, children: entry.children, index: i + 1 };
  }
  return { index: i };
}

function explain(reason: string, stderr: string, words: ShellWord[]): LineProblem | undefined {
  const message = firstLine(stderr);
  const where = locate(words);
  const blamed = (w: ShellWord | undefined, code: ScenarioProblemCode, text: string, suggestion?: string): LineProblem | undefined => {
    if (w ? w.text.includes('${{') : words.some((x) => x.text.includes('${{'))) return undefined;
    const p: LineProblem = { code, message: text, ...at(w, words) };
    if (suggestion) p.suggestion = suggestion;
    return p;
  };
  if (reason === 'unknown-command') {
    const w = words[where.index];
    const names = ROOT_ENTRIES.flatMap((e) => (e.kind === 'command' ? [e.name, ...e.aliases] : [e.name]));
    const best = w ? closest(w.text, names) : undefined;
    return blamed(w, 'DOCKER_UNKNOWN_COMMAND', `\`${w?.text ?? ''}\` is not a docker command`, best ? `did you mean \`docker ${best}\`?` : undefined);
  }
  if (reason === 'arg-error' && where.groupName && where.children) {
    const w = words[where.index];
    const names = where.children.flatMap((e) => (e.kind === 'command' ? [e.name, ...e.aliases] : [e.name]));
    const best = w ? closest(w.text, names) : undefined;
    const text = w ? `\`${w.text}\` is not a \`docker ${where.groupName}\` command` : `\`docker ${where.groupName}\` needs a command`;
    return blamed(w ?? words[where.index - 1], 'DOCKER_UNKNOWN_COMMAND', text, best ? `did you mean \`docker ${where.groupName} ${best}\`?` : undefined);
  }
  if (reason === 'arg-error') {
    const last = words[words.length - 1] as ShellWord;
    const first = words[0] as ShellWord;
    if (words.some((w) => w.text.includes('${{'))) return undefined;
    return { code: 'DOCKER_ARGUMENTS', message, start: first.start, end: last.end };
  }
  if (reason === 'flag-error') {
    let m = /^unknown flag: (--?[^\s=]+)/.exec(message);
    if (m) {
      const flag = m[1] as string;
      const w = words.find((x) => x.text === flag || x.text.startsWith(`${flag}=`));
      const names = (where.node?.spec.flags ?? []).filter((f) => !f.hidden).map((f) => f.name);
      const best = closest(flag.replace(/^-+/, ''), names);
      return blamed(w, 'DOCKER_UNKNOWN_FLAG', message, best ? `did you mean \`--${best}\`?` : undefined);
    }
    m = /^unknown shorthand flag: '(.)' in (-\S+)/.exec(message);
    if (m) return blamed(words.find((x) => x.text === m?.[2]), 'DOCKER_UNKNOWN_FLAG', message);
    m = /^flag needs an argument: (?:'.' in )?(-\S+)/.exec(message);
    if (m) return blamed(words.find((x) => x.text === m?.[1]), 'DOCKER_BAD_FLAG', message);
    m = /^invalid argument "(.*)" for "(.+?)" flag/.exec(message);
    if (m) {
      const value = m[1] as string;
      const idx = words.findIndex((x, i) => x.text === value || (i > 0 && x.text.endsWith(`=${value}`)));
      return blamed(words[idx], 'DOCKER_BAD_FLAG', message);
    }
    return blamed(words[where.index], 'DOCKER_BAD_FLAG', message);
  }
  if (reason === 'unsupported-flag') return blamed(words[where.index], 'DOCKER_UNSUPPORTED', message);
  return blamed(words[0], 'DOCKER_BAD_FLAG', message);
}
