// Scenario files: the repository's own scenarios, mutated line by line and character by character (anchors and
// aliases, indentation, YAML punctuation, huge numbers, duplicated keys), then loaded. Loading reports problems;
// it must never throw.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../../src/scenario/load.js';
import type { Rng } from '../../../src/cli/fuzz-diff/rng.js';
import type { FuzzTarget } from '../target.js';
import { hostileWord } from '../values.js';

const INSERTS = ['&a ', '*a', '<<: *a', ': ', '- ', '{', '}', '[', ']', '"', "'", '#', '|', '>', '!!binary ', '!!str ', '\t', '  ', '\n', '~', '? ', '%YAML 1.2\n', '---\n', '...', '${{ steps.x.stdout }}', '${{', '1e400', '-0', '0x', '.nan', 'null', 'docker: run -v /:/h centos', 'host: true'];

function seeds(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.yaml')) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** The scenario-file target over the scenarios under `dir`. */
export function scenarioFileTarget(dir: string): FuzzTarget<string> {
  const corpus = seeds(dir);
  return {
    name: 'scenario-file',
    generate(rng: Rng) {
      const lines = rng.pick(corpus).split('\n');
      for (let i = 1 + rng.below(4); i > 0; i--) {
        const at = rng.below(lines.length);
        const line = lines[at] ?? '';
        switch (rng.below(5)) {
          case 0:
            lines.splice(at, 1);
            break;
          case 1:
            lines.splice(at, 0, line);
            break;
          case 2: {
            const col = rng.below(line.length + 1);
            lines[at] = line.slice(0, col) + rng.pick(INSERTS) + line.slice(col);
            break;
          }
          case 3:
            lines[at] = line.replace(/:\s.*$/u, `: ${hostileWord(rng)}`);
            break;
          default: {
            const from = rng.below(lines.length);
            lines.splice(at, 0, ...lines.slice(from, from + 1 + rng.below(5)));
          }
        }
      }
      return lines.join('\n');
    },
    run(text) {
      loadScenario(new TextEncoder().encode(text), 'fuzz.yaml');
    },
    show: (text) => JSON.stringify(text.slice(0, 600)),
  };
}
