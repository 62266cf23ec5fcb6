// docker's usage texts (cli/cobra.go usageTemplate): `docker X --help` prints them, and usage errors quote
// parts of them, so they are rendered from the command table exactly as cobra renders its template.

import type { CommandNode, GroupNode } from './command-table.js';
import { flagUsages } from './flag-usages.js';

/** cobra's UseLine(): the parent path followed by the command's Use. */
export function useLine(parentPath: string, node: CommandNode): string {
  return `${parentPath} ${node.spec.use}`;
}

/** cobra's CommandPath(): "docker container ls". */
export function commandPath(parentPath: string, node: CommandNode | GroupNode): string {
  return `${parentPath} ${node.name}`;
}

/** UsageString() of a runnable command (ends with "\n"); `--help` prints "\n" + this. */
export function commandUsage(parentPath: string, node: CommandNode): string {
  const spec = node.spec;
  let out = `Usage:  ${useLine(parentPath, node)}\n\n${(spec.long ?? spec.short).trim()}`;
  if (node.aliases.length > 0) out += `\n\nAliases:\n  ${[node.name, ...node.aliases].join(', ')}`;
  if (spec.example !== undefined) out += `\n\nExamples:\n${spec.example}`;
  const options = flagUsages(spec.flags).trimEnd();
  if (options !== '') out += `\n\nOptions:\n${options}`;
  return out + '\n';
}

/** UsageString() of a management command such as `docker container`. */
export function groupUsage(node: GroupNode): string {
  const path = `docker ${node.name}`;
  const pad = Math.max(11, ...node.children.map((c) => c.name.length));
  const children = [...node.children].sort((a, b) => (a.name < b.name ? -1 : 1));
  const lines = children.map((c) => `  ${c.name.padEnd(pad)} ${c.spec.short}`);
  return (
    `Usage:  ${path} COMMAND\n\n${node.short}\n\nCommands:\n${lines.join('\n')}\n\n` +
    `Run '${path} COMMAND --help' for more information on a command.\n`
  );
}

/** UsageString() of `docker help`. */
export const HELP_COMMAND_USAGE = 'Usage:  docker help [command]\n\nHelp about the command\n';
