// Validation of a scenario file with many bad checks, at two sizes: the time per check must not grow with the
// file (it did, quadratically: 5,000 checks took 47 s, as each problem was compared with every other and each
// caret frame split the whole file again).

import { formatProblem } from '../src/scenario/problem.js';
import { loadScenario } from '../src/scenario/load.js';

/** A scenario with `n` checks, every one of them wrong in one of two ways. */
function manyBadChecks(n: number): string {
  const lines = ['name: many checks', 'steps:', '  - docker: ps', 'checks:'];
  for (let i = 0; i < n; i++) lines.push(i % 2 ? '  - file: {}' : '  - {}');
  return `${lines.join('\n')}\n`;
}

function timeOne(n: number): { ms: number; problems: number } {
  const text = manyBadChecks(n);
  const started = performance.now();
  const r = loadScenario(text, 'many.yaml');
  const problems = r.ok ? 0 : r.problems.map(formatProblem).length;
  return { ms: performance.now() - started, problems };
}

/** Prints the time per check for 1,000 and 5,000 bad checks, side by side. */
export function benchValidateMany(): void {
  timeOne(200); // warm-up: ajv compiles the schema once
  const small = timeOne(1000);
  const large = timeOne(5000);
  const per = (r: { ms: number }, n: number) => ((r.ms / n) * 1000).toFixed(0);
  console.log(`validate: 1,000 bad checks ${small.ms.toFixed(0)} ms (${per(small, 1000)} µs each, ${small.problems} problems); 5,000: ${large.ms.toFixed(0)} ms (${per(large, 5000)} µs each); ratio ${(large.ms / small.ms).toFixed(1)}× for 5× the checks (target: about 5×)`);
}
