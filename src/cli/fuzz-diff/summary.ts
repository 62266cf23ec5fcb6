// The run's account: one verdict line per sequence as it finishes, and at the end commands and differences by
// family (distinct signatures, allowed ones apart), so a run's figures can be quoted as they are.

import type { SeedVerdict } from './run-seed.js';

/** Counts for one family. */
interface FamilyCount {
  commands: number;
  wrong: number;
  differing: number;
  allowed: number;
  signatures: Set<string>;
}

/** The one-line verdict of a seed. */
export function verdictLine(v: SeedVerdict): string {
  const first = v.differences.find((d) => d.allowed === undefined) ?? v.differences[0];
  const tail = first === undefined ? '' : `  ${first.signature}${v.reproducerSteps !== undefined ? ` (reproducer: ${v.reproducerSteps} commands)` : ''}`;
  return `seed ${v.seed}: ${v.verdict} (${v.sequence.steps.length} commands, ${(v.ms / 1000).toFixed(1)} s)${tail}`;
}

/** Commands and differences by family over many seeds. */
function familyCounts(verdicts: readonly SeedVerdict[]): Map<string, FamilyCount> {
  const counts = new Map<string, FamilyCount>();
  const of = (family: string): FamilyCount => {
    let c = counts.get(family);
    if (c === undefined) counts.set(family, (c = { commands: 0, wrong: 0, differing: 0, allowed: 0, signatures: new Set() }));
    return c;
  };
  for (const v of verdicts) {
    for (const s of v.sequence.steps) {
      const c = of(s.family);
      c.commands++;
      if (s.wrong) c.wrong++;
    }
    for (const d of v.differences) {
      const c = of(d.family);
      if (d.allowed !== undefined) c.allowed++;
      else {
        c.differing++;
        c.signatures.add(d.signature);
      }
    }
  }
  return counts;
}

/** The summary table. */
export function summaryText(verdicts: readonly SeedVerdict[], seconds: number): string {
  const counts = familyCounts(verdicts);
  const rows = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce((s, [, c]) => s + c.commands, 0);
  const lines = [
    `${verdicts.length} sequences, ${total} commands in ${seconds.toFixed(0)} s: ${verdicts.filter((v) => v.verdict === 'same').length} same, ${verdicts.filter((v) => v.verdict === 'allowed').length} allowed only, ${verdicts.filter((v) => v.verdict === 'differs').length} differ`,
    '',
    'family            commands  wrong  differing  allowed  distinct',
    ...rows.map(([f, c]) => `${f.padEnd(16)}  ${String(c.commands).padStart(8)}  ${String(c.wrong).padStart(5)}  ${String(c.differing).padStart(9)}  ${String(c.allowed).padStart(7)}  ${String(c.signatures.size).padStart(8)}`),
  ];
  const signatures = new Map<string, number[]>();
  for (const v of verdicts) for (const d of v.differences) if (d.allowed === undefined) signatures.set(d.signature, [...(signatures.get(d.signature) ?? []), v.seed]);
  if (signatures.size > 0) {
    lines.push('', 'distinct differences (first seeds):');
    for (const [sig, seeds] of [...signatures.entries()].sort()) lines.push(`  ${sig}  [${seeds.length}× seeds ${[...new Set(seeds)].slice(0, 5).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}
