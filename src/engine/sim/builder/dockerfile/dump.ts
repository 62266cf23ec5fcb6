// buildkit's parse dump (parser.Node.Dump), the format of its parser test files: one line per instruction,
// `(keyword ["--flag"] "arg" …)` with the keyword lower-cased and every string quoted as Go quotes it. Used to
// check this parser against buildkit's own test data.

import { goQuote, goQuoteList } from '../../../../go/quote.js';
import { goToLower, trimGoSpace } from './go-text.js';
import type { DockerfileNode } from './node.js';

/** The dump of one node, without the surrounding parentheses. */
export function dumpNode(node: DockerfileNode): string {
  let out = goToLower(node.keyword);
  if (node.flags.length > 0) out += ` ${goQuoteList(node.flags)}`;
  if (node.trigger !== undefined) out += ` (${dumpNode(node.trigger)})`;
  for (const arg of node.args) out += ` ${goQuote(arg)}`;
  return trimGoSpace(out);
}

/** The dump of a whole file, one `(…)` line per node, with a final newline as in buildkit's `result` files. */
export function dumpNodes(nodes: readonly DockerfileNode[]): string {
  return nodes.map((node) => `(${dumpNode(node)})\n`).join('');
}
