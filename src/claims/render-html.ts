// The claims table as one self-contained HTML page: inline CSS, every text escaped, no scripts. A reader sees
// at a glance which statements of each note hold on real Docker and whether both engines agree.

import type { ClaimRow, ClaimTable, EngineOutcome } from './claim-table.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const CSS = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d1d1f; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
p.summary { color: #555; margin: 0 0 1.2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .45rem .5rem; vertical-align: top; text-align: left; }
th { background: #f4f4f6; position: sticky; top: 0; }
td.id { font-weight: 600; white-space: nowrap; }
.quote { color: #555; font-size: .9em; margin-top: .25rem; }
.why { font-size: .9em; margin-top: .25rem; }
.reason { font-size: .9em; color: #7a5a00; margin-top: .25rem; }
.file { color: #888; font-size: .8em; font-family: ui-monospace, monospace; }
.badge { display: inline-block; padding: .05rem .45rem; border-radius: .6rem; font-size: .85em; font-weight: 600; white-space: nowrap; }
.v-true { background: #dff5e1; color: #17602a; }
.v-false { background: #fde2e1; color: #9b1c1c; }
.v-partly { background: #fff1cc; color: #7a5a00; }
.v-untestable { background: #e8e8ee; color: #444; }
.r-passed { background: #dff5e1; color: #17602a; }
.r-failed, .r-error { background: #fde2e1; color: #9b1c1c; }
.r-skipped, .r-not-run { background: #e8e8ee; color: #444; }
.detail { font-size: .8em; color: #666; margin-top: .2rem; max-width: 22rem; overflow-wrap: anywhere; }
`;

function badge(kind: 'v' | 'r', value: string, label = value): string {
  return `<span class="badge ${kind}-${escapeHtml(value)}">${escapeHtml(label)}</span>`;
}

function outcomeCell(o: EngineOutcome): string {
  const label = o.status === 'not-run' ? 'not run' : o.status;
  const detail = o.note ? `<div class="detail">${escapeHtml(o.note)}</div>` : '';
  return `<td>${badge('r', o.status, label)}${detail}</td>`;
}

function row(r: ClaimRow): string {
  const notes = [r.note, ...(r.alsoIn ?? [])].map(escapeHtml).join('<br>');
  const reason = r.reason ? `<div class="reason">${r.verdict === 'untestable' ? 'Untestable here' : 'Limits'}: ${escapeHtml(r.reason)}</div>` : '';
  return [
    '<tr>',
    `<td class="id">${escapeHtml(r.id)}</td>`,
    `<td>${escapeHtml(r.english)}<div class="quote" lang="zh">「${escapeHtml(r.quote)}」</div><div class="file">${escapeHtml(r.file)}</div></td>`,
    `<td class="file">${notes}</td>`,
    `<td>${badge('v', r.verdict)}<div class="why">${escapeHtml(r.why)}</div>${reason}</td>`,
    outcomeCell(r.sim),
    outcomeCell(r.docker),
    '</tr>',
  ].join('');
}

/** The page. */
export function renderClaimsHtml(table: ClaimTable): string {
  const v = table.verdicts;
  const summary = `${table.rows.length} claims: ${v.true} true, ${v.false} false, ${v.partly} partly, ${v.untestable} untestable. Simulator: ${table.sim.passed} passed, ${table.sim.failed + table.sim.error} not passing. Real engine: ${table.docker.passed} passed, ${table.docker.failed + table.docker.error} not passing, ${table.docker['not-run']} not run.`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>drydock: the notes' claims on real Docker</title>
<style>${CSS}</style>
</head>
<body>
<h1>The study notes' claims, checked</h1>
<p class="summary">${escapeHtml(summary)} Generated ${escapeHtml(table.generatedAt)}.</p>
<table>
<thead><tr><th>Claim</th><th>Statement (English, then the note's words)</th><th>Note</th><th>Verdict on real Docker</th><th>Simulator</th><th>Real engine</th></tr></thead>
<tbody>
${table.rows.map(row).join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
