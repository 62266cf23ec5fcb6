// record-oracle.ts runs the cases in an empty temporary folder: it must not leave `oracle-*` folders behind,
// whether it records or stops on a case it refuses. Needs the 20.10 client at /usr/bin/docker (no daemon).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordOracle } from './record-oracle.js';

describe('record-oracle', () => {
  before(function () {
    let version = '';
    try {
      version = execFileSync('/usr/bin/docker', ['--version'], { encoding: 'utf8' });
    } catch {
      // no client
    }
    if (!version.startsWith('Docker version 20.10.')) {
      console.log('      no docker 20.10 client at /usr/bin/docker: skipping');
      this.skip();
    }
  });

  it('records into the given file and removes its oracle-* folder, also when it refuses a case', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'drydock-oracle-test-'));
    const out = join(tmp, 'record.json');
    const records = recordOracle({ cases: [['run', '--frobnicate']], out, tmp });
    assert.equal(records[0]?.exitCode, 125);
    assert.equal((JSON.parse(readFileSync(out, 'utf8')) as unknown[]).length, 1);
    assert.throws(() => recordOracle({ cases: [['version']], out, tmp }), /refusing to run a command docker would execute/);
    assert.deepEqual(readdirSync(tmp).filter((n) => n.startsWith('oracle-')), []);
  });
});
