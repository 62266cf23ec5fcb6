// No import cycle anywhere in src/: a cycle makes the order modules load in matter (a value read before its
// module ran is undefined) and ties files together that a reader should be able to read one at a time. Where
// code must call back up (the shell runs applets, applets run the shell), the caller is handed the function
// (`ctx.programs`, `sh.lookup`) instead of importing it.

import assert from 'node:assert/strict';
import { importCycles, importGraph, SRC, type ImportEdge } from '../../scripts/architecture/import-graph.js';

// One loop through a strongly connected component, file:line by file:line, so a failure shows the way round.
function loopThrough(edges: ImportEdge[], component: string[]): string {
  const members = new Set(component);
  const inside = edges.filter((e) => e.kind !== 'type' && members.has(e.from) && members.has(e.to));
  const start = component[0] ?? '';
  // breadth-first from start back to start, over the component's own edges
  const via = new Map<string, ImportEdge>();
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift() ?? '';
    for (const e of inside.filter((x) => x.from === at)) {
      if (e.to === start) {
        const path = [e];
        for (let back = via.get(at); back; back = via.get(back.from)) path.unshift(back);
        return path.map((p) => `${p.from}:${p.line}`).concat(start).join(' → ');
      }
      if (!via.has(e.to)) {
        via.set(e.to, e);
        queue.push(e.to);
      }
    }
  }
  return component.join(', ');
}

describe('import cycles', () => {
  it('finds a cycle in a graph that has one, and names the way round (the check below can fail)', () => {
    const edges: ImportEdge[] = [
      { from: 'a.ts', to: 'b.ts', line: 1, kind: 'static' },
      { from: 'b.ts', to: 'c.ts', line: 2, kind: 'dynamic' },
      { from: 'c.ts', to: 'a.ts', line: 3, kind: 'static' },
      { from: 'c.ts', to: 'd.ts', line: 4, kind: 'static' },
      // a type-only import is erased at run time: it closes no cycle
      { from: 'd.ts', to: 'a.ts', line: 5, kind: 'type' },
    ];
    const cycles = importCycles(edges);
    assert.deepEqual(cycles, [['a.ts', 'b.ts', 'c.ts']]);
    assert.equal(loopThrough(edges, cycles[0] ?? []), 'a.ts:1 → b.ts:2 → c.ts:3 → a.ts');
  });

  it('src/ has none', () => {
    const edges = importGraph(SRC);
    const loops = importCycles(edges).map((component) => `${component.length} files: ${loopThrough(edges, component)}`);
    assert.deepEqual(loops, []);
  });
});
