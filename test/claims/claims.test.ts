// `drydock claims`: the table's rows and counts, the HTML's escaping, and an end-to-end run on a temporary folder.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildClaimTable, compareClaimIds } from '../../src/claims/claim-table.js';
import { escapeHtml, renderClaimsHtml } from '../../src/claims/render-html.js';
import { claimsCommand } from '../../src/cli/claims-command.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/model.js';

const TRUE_CLAIM = `name: "C02: copy-on-write"
claim: { id: C02, note: 002.txt, quote: "不会影响父镜像", english: "the parent <image> is not affected", verdict: "true", why: "diff shows C" }
steps:
  - docker: run -d --name box ubuntu sleep 100
  - docker: exec box touch /tmp/x
checks:
  - file: { image: ubuntu, path: /tmp/x, exists: false }
`;
const UNTESTABLE = `name: "C40: needs a pull"
claim: { id: C40, note: 004.txt, quote: "官方镜像", english: "official image", verdict: untestable, why: "needs Hub", reason: "offline" }
steps: []
`;
const FAILING = `name: "C15b: wrong on purpose"
claim: { id: C15b, note: 002.txt, quote: "q", english: "e", verdict: "false", why: "w" }
steps:
  - docker: run --rm ubuntu cat /nope
`;

function writeFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-claims-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function load(text: string, file: string): Scenario {
  const r = loadScenario(text, file);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scenario;
}

function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), isTTY: false, cwd, env: {} } };
}

describe('claims', () => {
  it('orders claim ids numerically, parts after their claim', () => {
    assert.deepEqual(['C15b', 'C02', 'C15', 'C10'].sort(compareClaimIds), ['C02', 'C10', 'C15', 'C15b']);
  });

  it('a claim needs a reason when it is untestable, and a known verdict', () => {
    const r = loadScenario(UNTESTABLE.replace(', reason: "offline"', ''), 'x.yaml');
    assert.equal(r.ok, false);
    const bad = loadScenario(TRUE_CLAIM.replace('verdict: "true"', 'verdict: maybe'), 'y.yaml');
    assert.equal(bad.ok, false);
  });

  it('builds one row per claim scenario with both engines and the counts', () => {
    const scenarios = [load(UNTESTABLE, 'b.yaml'), load(TRUE_CLAIM, 'a.yaml')];
    const result = (status: 'passed' | 'failed') => ({ file: '', name: '', tags: [], location: { file: '', line: 1, col: 1 }, status, durationMs: 1, steps: [], checks: [] });
    const table = buildClaimTable(scenarios, [result('passed'), result('failed')], { notRun: 'not run: test' });
    assert.deepEqual(table.rows.map((r) => [r.id, r.sim.status, r.docker.status]), [['C02', 'failed', 'not-run'], ['C40', 'passed', 'not-run']]);
    assert.equal(table.verdicts.untestable, 1);
    assert.equal(table.docker['not-run'], 2);
  });

  it('escapes every text in the HTML and needs no script', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const table = buildClaimTable([load(TRUE_CLAIM, 'a.yaml')], [], { notRun: 'not run: <none>' });
    const html = renderClaimsHtml(table);
    assert.match(html, /the parent &lt;image&gt; is not affected/);
    assert.match(html, /not run: &lt;none&gt;/);
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /<style>/);
  });

  it('runs the claim scenarios of a folder, prints the table and writes claims.json and claims.html', async function () {
    this.timeout(30_000);
    const dir = writeFolder({ 'notes/c02.yaml': TRUE_CLAIM, 'notes/c40.yaml': UNTESTABLE, 'notes/plain.yaml': 'name: no claim\nsteps: []\n' });
    const { out, io: cliIo } = io(dir);
    const code = await claimsCommand(['notes', '--no-docker', '-o', 'out'], cliIo);
    assert.equal(code, 0, out.stderr);
    assert.match(out.stdout, /^C02 +002 +true +passed +not run /m);
    assert.match(out.stdout, /C40 untestable: offline/);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'claims.json'), 'utf8')) as { rows: { id: string; docker: { note: string } }[] };
    assert.deepEqual(json.rows.map((r) => r.id), ['C02', 'C40']);
    assert.equal(json.rows[0]?.docker.note, 'not run: --no-docker');
    assert.match(readFileSync(join(dir, 'out', 'claims.html'), 'utf8'), /<td class="id">C40<\/td>/);
  });

  it('exits 1 when a claim scenario fails', async function () {
    this.timeout(30_000);
    const dir = writeFolder({ 'c.yaml': FAILING });
    const { out, io: cliIo } = io(dir);
    assert.equal(await claimsCommand(['c.yaml', '--no-docker', '-o', 'out'], cliIo), 1);
    assert.match(out.stdout, /C15b simulator: docker run --rm ubuntu cat \/nope: exit code 1/);
  });
});
