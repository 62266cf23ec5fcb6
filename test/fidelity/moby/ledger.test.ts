// The ledger covers every test function of the committed list, each ported row has its case file (which names
// that test), every case file is a ported row, and LEDGER.md is what write-ledger.ts makes of them.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCases, MOBY_DIR } from './case-file.js';
import { ledgerMarkdown, ledgerRows, parseLedger, readReasons, readTestList } from './ledger.js';

describe('moby corpus: the ledger', () => {
  const text = readFileSync(join(MOBY_DIR, 'LEDGER.md'), 'utf8');
  const rows = parseLedger(text);

  it('has one row per test function of the committed list, and no other', () => {
    const listed = readTestList().map((t) => `${t.file}:${t.test}`);
    assert.ok(listed.length > 800, `the list holds ${listed.length} functions`);
    assert.deepEqual(rows.map((r) => `${r.file}:${r.test}`).sort(), [...listed].sort());
  });

  it('points each ported row at a case file that names the same test', () => {
    const ported = rows.filter((r) => r.status === 'ported');
    assert.ok(ported.length > 0);
    for (const r of ported) {
      const path = join(MOBY_DIR, r.detail);
      assert.ok(existsSync(path), `${r.test}: ${r.detail} is missing`);
      assert.equal((JSON.parse(readFileSync(path, 'utf8')) as { moby: string }).moby, `${r.file}:${r.test}`);
    }
    const cases = loadCases().map((c) => c.spec.moby).sort();
    assert.deepEqual(ported.map((r) => `${r.file}:${r.test}`).sort(), cases, 'every case is a ported row, once');
  });

  it('gives every not-ported row a reason, and reasons only to listed tests', () => {
    const listed = new Set(readTestList().map((t) => `${t.file}:${t.test}`));
    for (const key of readReasons().keys()) assert.ok(listed.has(key), `reasons.tsv names ${key}, which is not in tests.tsv`);
    for (const r of rows.filter((x) => x.status === 'not ported')) assert.notEqual(r.detail.trim(), '', r.test);
  });

  it('is up to date (npx tsx scripts/moby/write-ledger.ts)', () => {
    assert.equal(text, ledgerMarkdown(ledgerRows()));
  });
});
