// Tab completion for the terminal: docker's commands and management commands, a command's flags, and the
// names of containers, images and volumes in the current state, from the same command table the parser uses.

import { ROOT_ENTRIES, findEntry, type CommandNode } from '../docker-cli/index.js';
import type { SessionView } from './protocol.js';

/** Host commands offered for the first word (the sandbox host's busybox applets the notes use). */
const HOST_WORDS = ['cat', 'clear', 'docker', 'echo', 'help', 'ls', 'mkdir', 'rm', 'touch'];

/** Commands whose operands are images (the rest, apart from volume commands, take containers). */
const IMAGE_COMMANDS = new Set(['run', 'create', 'rmi', 'history', 'tag', 'save', 'push', 'image inspect']);
/** Flags whose value names a container, a volume or an image. */
const VALUE_KINDS: Record<string, keyof SessionView['names']> = { '--volumes-from': 'containers', '-v': 'volumes', '--volume': 'volumes', '-t': 'images', '--tag': 'images' };

/** The completions of the last word of `line`, and where that word starts. */
export function complete(line: string, names: SessionView['names']): { items: string[]; start: number } {
  const start = line.search(/\S*$/);
  const word = line.slice(start);
  const before = line.slice(0, start).trim().split(/\s+/).filter((w) => w !== '');
  const pick = (all: readonly string[]) => ({ items: [...new Set(all.filter((w) => w.startsWith(word)))].sort(), start });
  if (before.length === 0) return pick(HOST_WORDS);
  if (before[0] !== 'docker') return { items: [], start };
  const words = before.slice(1);
  if (words.length === 0) return pick(ROOT_ENTRIES.filter((e) => !e.name.includes(' ')).map((e) => e.name));
  const first = findEntry(ROOT_ENTRIES, words[0] as string);
  let node: CommandNode | undefined;
  let operands = words.slice(1);
  if (first?.kind === 'group') {
    if (words.length === 1) return pick(first.children.map((c) => c.name));
    node = findEntry(first.children, words[1] as string);
    operands = words.slice(2);
  } else if (first?.kind === 'command') node = first;
  if (!node) return { items: [], start };
  if (word.startsWith('-')) {
    return pick(node.spec.flags.filter((f) => !f.hidden).flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));
  }
  const previous = operands.at(-1) ?? '';
  const valueKind = VALUE_KINDS[previous];
  if (valueKind) return pick(names[valueKind]);
  if (first?.kind === 'group' && first.name === 'volume') return pick(names.volumes);
  const canonical = first?.kind === 'group' && first.name === 'image' && node.name === 'inspect' ? 'image inspect' : node.canonical;
  if (IMAGE_COMMANDS.has(canonical)) return pick(names.images.map((r) => r.replace(/:latest$/, '')).concat(names.images));
  return pick(names.containers);
}
