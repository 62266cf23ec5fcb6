// A hand-made run result with fixed durations, so reporter output is stable for golden files.

import type { RunResult, ScenarioResult, StepResult } from '../../src/runner/result.js';

const loc = (file: string, line: number) => ({ file, line, col: 5 });

function step(file: string, line: number, title: string, extra: Partial<StepResult> = {}): StepResult {
  return {
    phase: 'steps',
    index: line,
    kind: 'docker',
    title,
    command: title.replace(/^docker /, '').split(' '),
    status: 'passed',
    exitCode: 0,
    stdout: '',
    stderr: '',
    durationMs: 2,
    failures: [],
    location: loc(file, line),
    ...extra,
  };
}

const passed: ScenarioResult = {
  file: 'scenarios/a.yaml',
  name: 'volumes outlive their first container',
  tags: ['volumes'],
  location: { file: 'scenarios/a.yaml', line: 1, col: 1 },
  status: 'passed',
  durationMs: 12,
  steps: [step('scenarios/a.yaml', 5, 'docker run -dit --name dc01 tim/centos', { stdout: 'abc123\n' }), step('scenarios/a.yaml', 6, 'docker rm -f dc01', { durationMs: 120 })],
  checks: [{ index: 0, kind: 'file', title: 'file container dc03:/data/x exists', status: 'passed', failures: [], durationMs: 1, location: loc('scenarios/a.yaml', 9) }],
};

const failed: ScenarioResult = {
  file: 'scenarios/b.yaml',
  name: 'ls shows the new file',
  tags: [],
  location: { file: 'scenarios/b.yaml', line: 1, col: 1 },
  status: 'failed',
  durationMs: 30,
  steps: [
    step('scenarios/b.yaml', 4, 'docker exec dc03 ls /data', {
      stdout: 'a.txt\nb.txt\n',
      status: 'failed',
      failures: [{ message: 'stdout is not equal to the expected value', expected: 'a.txt\nc.txt\n', actual: 'a.txt\nb.txt\n', diff: '- expected\n+ actual\n\n@@ -1,2 +1,2 @@\n a.txt\n-c.txt\n+b.txt' }],
    }),
    step('scenarios/b.yaml', 6, 'docker rm -f dc03', { status: 'skipped', skipReason: 'not run: an earlier step failed', exitCode: undefined as never }),
  ],
  checks: [{ index: 0, kind: 'inspect', title: 'inspect container dc03 State.Running (equals: true)', status: 'skipped', failures: [], durationMs: 0, skipReason: 'not run: an earlier step failed', location: loc('scenarios/b.yaml', 8) }],
};

const errored: ScenarioResult = {
  file: 'scenarios/c.yaml',
  name: 'networks <need> "the real engine"',
  tags: [],
  location: { file: 'scenarios/c.yaml', line: 1, col: 1 },
  status: 'error',
  durationMs: 1,
  steps: [],
  checks: [],
  error: 'the sim engine cannot run `docker network create n` (scenarios/c.yaml:3:5); nothing was run',
};

const skipped: ScenarioResult = {
  file: 'scenarios/d.yaml',
  name: 'not yet',
  tags: [],
  location: { file: 'scenarios/d.yaml', line: 1, col: 1 },
  status: 'skipped',
  durationMs: 0,
  steps: [],
  checks: [],
  skipReason: 'waiting for the simulator',
};

/** Four scenarios: passed, failed, error, skipped. */
export const SAMPLE_RUN: RunResult = {
  engine: 'sim',
  startedAt: '2026-01-01T00:00:00.000Z',
  scenarios: [passed, failed, errored, skipped],
  summary: { total: 4, passed: 1, failed: 1, skipped: 1, errors: 1, durationMs: 1234 },
};
