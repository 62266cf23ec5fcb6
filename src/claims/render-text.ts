// The claims table for a terminal: one line per claim, columns padded, long texts cut, then the counts.

import type { ClaimTable, EngineOutcome } from './claim-table.js';

function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

function outcome(o: EngineOutcome): string {
  return o.status === 'not-run' ? 'not run' : o.status;
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ').trimEnd();
}

/** The table as plain text. */
export function renderClaimsText(table: ClaimTable): string {
  const header = ['CLAIM', 'NOTE', 'VERDICT', 'SIMULATOR', 'DOCKER', 'STATEMENT'];
  const body = table.rows.map((r) => [r.id, r.note.slice(0, 3), r.verdict, outcome(r.sim), outcome(r.docker), cut(r.english, 70)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] as string).length)));
  const lines = [pad(header, widths), ...body.map((row) => pad(row, widths))];
  const notes = table.rows.flatMap((r) => {
    const out: string[] = [];
    if (r.verdict === 'untestable' && r.reason) out.push(`  ${r.id} untestable: ${r.reason}`);
    if (r.sim.status === 'failed' || r.sim.status === 'error') out.push(`  ${r.id} simulator: ${r.sim.note ?? r.sim.status}`);
    if (r.docker.status === 'failed' || r.docker.status === 'error') out.push(`  ${r.id} docker: ${r.docker.note ?? r.docker.status}`);
    return out;
  });
  const v = table.verdicts;
  const dockerNote = table.rows.find((r) => r.docker.status === 'not-run')?.docker.note;
  const summary = [
    `${table.rows.length} claims: ${v.true} true, ${v.false} false, ${v.partly} partly, ${v.untestable} untestable`,
    `simulator: ${table.sim.passed} passed, ${table.sim.failed} failed, ${table.sim.error} errors, ${table.sim.skipped} skipped`,
    table.docker['not-run'] === table.rows.length
      ? `docker: ${dockerNote ?? 'not run'}`
      : `docker: ${table.docker.passed} passed, ${table.docker.failed} failed, ${table.docker.error} errors, ${table.docker.skipped} skipped`,
  ];
  return `${[...lines, ...(notes.length > 0 ? ['', ...notes] : []), '', ...summary].join('\n')}\n`;
}
