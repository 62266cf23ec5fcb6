import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseDockerArgv } from '../../src/docker-cli/index.js';
import { ORACLE_CASES } from './oracle-cases.js';
import type { OracleRecord } from './record-oracle.js';

// oracle-record.json holds what /usr/bin/docker 20.10.24 printed for each case of oracle-cases.ts (recorded
// with `npx tsx test/docker-cli/record-oracle.ts`). Set DRYDOCK_DOCKER_ORACLE=1 to also re-run them live.
const records = JSON.parse(readFileSync(new URL('./oracle-record.json', import.meta.url), 'utf8')) as OracleRecord[];

function parsed(argv: readonly string[]) {
  const r = parseDockerArgv(argv);
  assert.equal(r.ok, false, `docker stops at parse time for: docker ${argv.join(' ')}`);
  return r.ok ? undefined : { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

describe('docker CLI parse-time output, replayed from the real 20.10 client', () => {
  it('has a recording for every case', () => {
    assert.deepEqual(
      records.map((r) => r.argv),
      ORACLE_CASES.map((c) => [...c]),
    );
  });
  for (const rec of records) {
    it(`docker ${rec.argv.join(' ')}`, () => {
      assert.deepEqual(parsed(rec.argv), { exitCode: rec.exitCode, stdout: rec.stdout, stderr: rec.stderr });
    });
  }
});

const live = process.env['DRYDOCK_DOCKER_ORACLE'] === '1' && existsSync('/usr/bin/docker');
(live ? describe : describe.skip)('docker CLI parse-time output, live against /usr/bin/docker', () => {
  for (const argv of ORACLE_CASES) {
    it(`docker ${argv.join(' ')}`, () => {
      const want = parsed(argv); // only commands our parser stops are sent to docker
      const r = spawnSync('/usr/bin/docker', argv, { encoding: 'utf8', cwd: '/tmp', env: { PATH: process.env['PATH'] ?? '', HOME: '/root' } });
      assert.deepEqual(want, { exitCode: r.status, stdout: r.stdout, stderr: r.stderr });
    });
  }
});
