// The CSS and the one script every HTML report inlines (a report is a single file: no network, usable offline
// and as an e-mail attachment), and the Content-Security-Policy that allows exactly that script and nothing
// from anywhere else, so even text that slipped through escaping could not run.

import { createHash } from 'node:crypto';

/** The page styles: screen, phone (narrow), print. */
export const CSS = `
:root { --ok: #1a7f37; --bad: #cf222e; --err: #9a6700; --skip: #6e7781; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #fff; --card: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.5em; margin: 0 0 4px; } h2 { font-size: 1.2em; margin: 24px 0 8px; } h3 { font-size: 1em; margin: 16px 0 6px; }
a { color: #0969da; }
.meta { color: var(--muted); margin: 0 0 12px; }
.meta span + span::before { content: " · "; }
.controls { position: sticky; top: 0; background: var(--bg); padding: 8px 0; border-bottom: 1px solid var(--line); z-index: 1; display: flex; gap: 16px; flex-wrap: wrap; align-items: center; }
.controls label { cursor: pointer; user-select: none; }
.cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 110px; }
.card b { display: block; font-size: 1.4em; }
.score { font-size: 2em; font-weight: 700; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: .8em; font-weight: 600; color: #fff; background: var(--skip); vertical-align: middle; white-space: nowrap; }
.badge.passed { background: var(--ok); } .badge.graded { background: #0969da; } .badge.failed, .badge.timeout, .badge.rejected { background: var(--bad); } .badge.error { background: var(--err); }
.badge.vis { background: #8250df; }
.section { border: 1px solid var(--line); border-radius: 6px; margin: 12px 0; overflow: hidden; }
.section > h2, .section > h3 { margin: 0; padding: 8px 12px; background: var(--card); border-bottom: 1px solid var(--line); }
.check { padding: 8px 12px; border-top: 1px solid var(--line); }
.check:first-of-type { border-top: 0; }
.check .head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.check .title { font-weight: 600; flex: 1 1 300px; overflow-wrap: anywhere; }
.pts { font-variant-numeric: tabular-nums; white-space: nowrap; }
.where { color: var(--muted); font-size: .85em; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.hint { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.failure { margin: 6px 0 0; }
.failure .msg { white-space: pre-wrap; overflow-wrap: anywhere; }
.ea { display: grid; grid-template-columns: 5.5em 1fr; gap: 2px 8px; margin: 4px 0; }
.ea > span { color: var(--muted); }
pre { margin: 0; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.ea pre { background: var(--card); padding: 2px 6px; border-radius: 4px; }
.diff { border: 1px solid var(--line); border-radius: 4px; margin: 4px 0; overflow-x: auto; color: var(--fg); background: #fff; }
.diff div { padding: 0 6px; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.diff .add { background: #dafbe1; color: #116329; } .diff .del { background: #ffebe9; color: #82071e; } .diff .hunk { color: #8250df; background: #f6f0ff; } .diff .legend { color: var(--muted); }
.term { background: #0d1117; color: #e6edf3; padding: 8px 12px; }
.term .cmd { color: #7ee787; } .term .cmd::before { content: "$ "; color: #8b949e; }
.term .step { padding: 4px 0; border-top: 1px solid #30363d; } .term .step:first-child { border-top: 0; }
.term .out { color: #e6edf3; } .term .err { color: #ffa198; }
.term .exit { color: #8b949e; font-size: .85em; } .term .exit.bad { color: #ff7b72; font-weight: 700; }
.term .note { color: #d29922; font-size: .85em; white-space: pre-wrap; }
.term .where { color: #8b949e; }
.term .skipped .cmd { color: #8b949e; text-decoration: line-through; }
.term details.more summary { color: #8b949e; cursor: pointer; font-size: .85em; }
.term .diff { background: #fff; }
.group { color: #8b949e; font-size: .8em; text-transform: uppercase; letter-spacing: .05em; margin: 10px 0 2px; }
.group:first-child { margin-top: 0; }
.group.mine { color: #79c0ff; }
table { border-collapse: collapse; width: 100%; }
.tablewrap { overflow-x: auto; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { background: var(--card); border: 1px solid var(--line); border-radius: 3px; height: 12px; min-width: 80px; position: relative; }
.bar i { position: absolute; left: 0; top: 0; bottom: 0; background: var(--ok); border-radius: 2px; }
.chart { max-width: 640px; width: 100%; height: auto; }
.chart rect.b { fill: #54aeff; } .chart text { font: 11px system-ui, sans-serif; fill: var(--muted); } .chart line { stroke: var(--line); }
.failures-only .ok { display: none !important; }
.empty { color: var(--muted); font-style: italic; padding: 8px 12px; }
.check.withheld .title { font-weight: 400; font-style: italic; color: var(--muted); }
.withheld-note, .audience { color: var(--muted); margin: 4px 0 12px; }
.audience { background: #f6f0ff; border: 1px solid #d8b9ff; border-radius: 6px; padding: 6px 10px; color: var(--fg); }
.term .withheld .note { color: #8b949e; font-style: italic; }
.nothing { display: none; color: var(--muted); padding: 12px; }
.failures-only .nothing { display: block; }
@media (max-width: 600px) {
  body { font-size: 14px; } main { padding: 8px; }
  .ea { grid-template-columns: 1fr; }
  th, td { padding: 3px 4px; }
  .hide-narrow { display: none; }
}
@media print {
  .controls { display: none; }
  body { font-size: 11pt; }
  .section, .check, .step { break-inside: avoid; }
  .term { background: #fff; color: #000; border: 1px solid #999; }
  .term .out, .term .cmd, .term .exit { color: #000; } .term .err { color: #a00; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The page script: the "failures only" filter (kept in the URL hash), and every section opened for printing. */
export const SCRIPT = `(function () {
  var box = document.getElementById('failures-only');
  if (box) {
    var apply = function () {
      document.body.classList.toggle('failures-only', box.checked);
      if (history.replaceState) history.replaceState(null, '', box.checked ? '#failures' : location.pathname + location.search);
    };
    box.checked = box.checked || location.hash === '#failures';
    box.addEventListener('change', apply);
    apply();
  }
  window.addEventListener('beforeprint', function () {
    var all = document.querySelectorAll('details');
    for (var i = 0; i < all.length; i++) all[i].open = true;
  });
})();`;

/** The Content-Security-Policy of every report: inline styles, this one script, images from data: only. */
export const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'; img-src data:; base-uri 'none'; form-action 'none'`;
