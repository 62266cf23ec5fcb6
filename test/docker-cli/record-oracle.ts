// Records what the real docker 20.10 client prints for ORACLE_CASES into oracle-record.json. Run by hand on a
// machine with /usr/bin/docker 20.10 (`npx tsx test/docker-cli/record-oracle.ts`). As a safety net a case is
// only sent to docker when our own parser says docker stops at parse time. The empty folder the cases run in
// is removed afterwards, whatever happens.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDockerArgv } from '../../src/docker-cli/index.js';
import { ORACLE_CASES } from './oracle-cases.js';

/** One recorded run of the real client. */
export interface OracleRecord {
  argv: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** What to record and where (defaults: every case, /usr/bin/docker, oracle-record.json, the temp folder). */
export interface RecordOptions {
  cases?: readonly (readonly string[])[];
  docker?: string;
  out?: string;
  tmp?: string;
}

/** Runs each case through the real client and writes the records; returns them. */
export function recordOracle(options: RecordOptions = {}): OracleRecord[] {
  const docker = options.docker ?? '/usr/bin/docker';
  const version = execFileSync(docker, ['--version'], { encoding: 'utf8' });
  if (!version.startsWith('Docker version 20.10.')) throw new Error(`not a 20.10 client: ${version}`);
  const cwd = mkdtempSync(join(options.tmp ?? tmpdir(), 'oracle-')); // an empty build context, in case a build got that far
  try {
    const records: OracleRecord[] = [];
    for (const argv of options.cases ?? ORACLE_CASES) {
      if (parseDockerArgv(argv).ok) throw new Error(`refusing to run a command docker would execute: ${argv.join(' ')}`);
      const r = spawnSync(docker, argv, { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: '/root' }, stdio: ['ignore', 'pipe', 'pipe'] });
      records.push({ argv: [...argv], exitCode: r.status ?? -1, stdout: r.stdout, stderr: r.stderr });
    }
    writeFileSync(options.out ?? fileURLToPath(new URL('./oracle-record.json', import.meta.url)), JSON.stringify(records, null, 1) + '\n');
    return records;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === `file://${process.argv[1]}`) console.log(`recorded ${recordOracle().length} cases`);
