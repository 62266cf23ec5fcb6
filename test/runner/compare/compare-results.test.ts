import assert from 'node:assert/strict';
import { compareResults } from '../../../src/runner/compare/compare-results.js';
import type { CheckResult, ScenarioResult, StepResult } from '../../../src/runner/result.js';
import { summarise } from '../../../src/runner/result.js';
import { readTranscript, shimScript } from '../../../src/cli/compare/transcript.js';
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execaSync } from 'execa';

const at = { file: 'x.yaml', line: 1, col: 1 };
const step = (index: number, stdout: string, exitCode = 0, command = ['run', '-d', 'ubuntu']): StepResult => ({
  phase: 'steps', index, kind: 'docker', title: `docker ${command.join(' ')}`, command, status: 'passed', exitCode, stdout, stderr: '', durationMs: 1, failures: [], location: at,
});
const check = (index: number, status: CheckResult['status'], actual?: unknown): CheckResult => ({
  index, kind: 'file', title: 'file', status, failures: status === 'passed' ? [] : [{ message: 'differs', actual }], durationMs: 1, location: at,
});
const result = (steps: StepResult[], checks: CheckResult[]): ScenarioResult => ({ file: 'x.yaml', name: 'x', tags: [], location: at, status: 'passed', durationMs: 1, steps, checks });

describe('compareResults', () => {
  it('counts steps identical once IDs are normalised, and checks with the same verdict', () => {
    const sim = result([step(0, `${'a'.repeat(64)}\n`), step(1, 'hello\n')], [check(0, 'passed')]);
    const real = result([step(0, `${'b'.repeat(64)}\n`), step(1, 'hello\n')], [check(0, 'passed')]);
    const c = compareResults(sim, real);
    assert.deepEqual([c.identical, c.total, c.differences.length], [3, 3, 0]);
  });

  it('lists exit code, output and check differences with a diff', () => {
    const sim = result([step(0, 'one\n', 0), step(1, 'x\n')], [check(0, 'passed'), check(1, 'failed', 3)]);
    const real = result([step(0, 'two\n', 1), step(1, 'x\n')], [check(0, 'failed', 'no'), check(1, 'failed', 4)]);
    const c = compareResults(sim, real);
    assert.deepEqual(c.differences.map((d) => d.field), ['exitCode', 'stdout', 'status', 'observed']);
    assert.match(c.differences[1]!.diff, /^- sim\n\+ docker/);
    assert.deepEqual([c.identical, c.total], [1, 4]);
  });

  it('gives the run its fidelity figure', () => {
    const r = { ...result([step(0, 'a')], []), comparison: compareResults(result([step(0, 'a')], []), result([step(0, 'b')], [])) };
    assert.deepEqual(summarise([r], 1).fidelity, { identical: 0, total: 1 });
  });
});

describe('compare transcripts', () => {
  it('records what each docker command printed and how it exited', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-test-shim-'));
    try {
      const shim = join(dir, 'docker');
      writeFileSync(shim, shimScript(`sh -c 'echo "out $1"; echo err >&2; exit 3' x`, join(dir, 't')));
      chmodSync(shim, 0o755);
      execaSync(shim, ['ps', '-a b'], { reject: false });
      assert.deepEqual(readTranscript(join(dir, 't')), [{ argv: ['ps', '-a b'], stdout: 'out ps\n', stderr: 'err\n', exitCode: 3 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
