import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJournals, RunJournal } from '../../../src/engine/docker/run-journal.js';

describe('run journals', () => {
  const leftovers = { containers: [{ id: 'ecdc2315459c', since: 1, until: 2 }], images: [], quiet: [] };

  it('are written as the run goes, and a journal whose process still runs is live', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'drydock-journal-test-')), 'j');
    const journal = new RunJournal(dir, '0123456789ab');
    journal.open();
    journal.write({ kind: 'build', leftovers });
    const [found] = readJournals(dir);
    assert.equal(found?.runId, '0123456789ab');
    assert.equal(found?.live, true);
    assert.deepEqual(found?.entries[1], { kind: 'build', leftovers });
    // a second run's journal keeps the folder; the last one removed takes it along
    const other = new RunJournal(dir, 'ba9876543210');
    other.open();
    journal.remove();
    assert.equal(existsSync(dir), true);
    other.remove();
    assert.deepEqual(readJournals(dir), []);
    assert.equal(existsSync(dir), false);
  });

  it('a journal whose process is gone is dead; a journal others may write is ignored', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'drydock-journal-test-')), 'j');
    const journal = new RunJournal(dir, 'aaaaaaaaaaaa');
    journal.write({ kind: 'volumes', names: ['v'] });
    const lines = readFileSync(journal.path, 'utf8').split('\n');
    const owner = JSON.parse(lines[0]!) as { pid: number; start?: string };
    // a PID above Linux's maximum, with a start time no process had
    writeFileSync(journal.path, [JSON.stringify({ ...owner, pid: 4_194_999, start: '1' }), ...lines.slice(1)].join('\n'));
    assert.equal(readJournals(dir)[0]?.live, false);
    chmodSync(journal.path, 0o666);
    assert.deepEqual(readJournals(dir), []);
  });
});
