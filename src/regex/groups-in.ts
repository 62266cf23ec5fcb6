// Which capture groups a part of a pattern holds: both matchers clear them when a repetition starts a new
// round (POSIX: a group's capture is from the last round that ran it), the backtracking one also around a
// lookaround.

import type { Node } from './parse.js';

/** The capture numbers of the groups inside `node`, in the pattern's order. */
export function groupsIn(node: Node, out: number[] = []): number[] {
  switch (node.t) {
    case 'cat':
      node.items.forEach((n) => groupsIn(n, out));
      break;
    case 'alt':
      node.alts.forEach((n) => groupsIn(n, out));
      break;
    case 'group':
      if (node.cap !== undefined) out.push(node.cap);
      groupsIn(node.node, out);
      break;
    case 'rep':
    case 'lookx':
      groupsIn(node.node, out);
      break;
  }
  return out;
}
