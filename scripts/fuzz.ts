// `npm run fuzz [-- --inputs N --seed S --only a,b]`: feeds hostile inputs to drydock (docker argv, Go templates,
// scenario files, archives, and any target another module registers) and lists every internal error found.
// Exits 1 when there is one. A full run is 100,000 inputs; CI runs a slice (test/fuzz/fuzz.test.ts).

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerDefaultTargets, runFuzz } from '../test/fuzz/fuzz.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}

const repo = join(fileURLToPath(import.meta.url), '..', '..');
registerDefaultTargets(join(repo, 'scenarios'));
const inputs = Number(option('inputs', '100000'));
const seed = Number(option('seed', String(Date.now() % 1_000_000)));
const only = option('only', '') === '' ? undefined : option('only', '').split(',');
process.stderr.write(`fuzz: ${inputs} inputs, seed ${seed}\n`);
const report = await runFuzz({ seed, inputs, ...(only ? { only } : {}), onProgress: (n) => process.stderr.write(`fuzz: ${n}/${inputs} inputs\r`) });
process.stderr.write('\n');
for (const f of report.findings) process.stdout.write(`INTERNAL ERROR [${f.target}] seed ${f.seed} index ${f.index}\n  input: ${f.input}\n  ${f.error.replaceAll('\n', '\n  ')}\n`);
for (const s of report.slow) process.stdout.write(`SLOW [${s.target}] index ${s.index}: ${s.ms} ms: ${s.input.slice(0, 300)}\n`);
const per = Object.entries(report.perTarget).map(([k, v]) => `${k} ${v}`).join(', ');
process.stdout.write(`fuzz: ${report.inputs} inputs (${per}) in ${(report.ms / 1000).toFixed(1)} s, ${report.findings.length} internal errors; slowest ${report.slowest?.ms ?? 0} ms (${report.slowest?.target ?? ''})\n`);
process.exitCode = report.findings.length > 0 ? 1 : 0;
