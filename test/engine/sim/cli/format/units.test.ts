// go-units sizes and durations, and docker's small display rules (short IDs, ellipsis, STATUS phrases).

import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  containerStatus,
  createdSince,
  ellipsis,
  goUnixTimeString,
  historyCreatedBy,
  psCommand,
  psSize,
  rfc3339Seconds,
  truncateId,
} from '../../../../../src/engine/sim/cli/format/display.js';
import { bytesSize, humanDuration, humanSize, humanSizeWithPrecision } from '../../../../../src/engine/sim/cli/format/units.js';

describe('go-units sizes', () => {
  it('prints decimal sizes with 3 significant digits as docker ls does', () => {
    const sizes: [number, string][] = [
      [0, '0B'], [4, '4B'], [53, '53B'], [3060, '3.06kB'], [1982363, '1.98MB'], [1985578, '1.99MB'],
      [5240000, '5.24MB'], [7230000, '7.23MB'], [999999, '1e+03kB'], [1125, '1.12kB'],
    ];
    for (const [n, text] of sizes) assert.equal(humanSizeWithPrecision(n, 3), text, String(n));
  });

  it('has HumanSize (4 digits) and BytesSize (binary units)', () => {
    assert.equal(humanSize(1982363), '1.982MB');
    assert.equal(bytesSize(45056), '44KiB');
    assert.equal(bytesSize(17825792), '17MiB');
  });
});

describe('go-units durations', () => {
  const s = 1000;
  const cases: [number, string][] = [
    [0, 'Less than a second'], [999, 'Less than a second'], [-5 * s, 'Less than a second'], [1 * s, '1 second'],
    [2 * s, '2 seconds'], [59 * s, '59 seconds'], [60 * s, 'About a minute'], [119 * s, 'About a minute'],
    [120 * s, '2 minutes'], [59 * 60 * s, '59 minutes'], [60 * 60 * s, 'About an hour'], [90 * 60 * s - 1, 'About an hour'],
    [90 * 60 * s, '2 hours'], [3 * 3600 * s, '3 hours'], [47 * 3600 * s, '47 hours'], [48 * 3600 * s, '2 days'],
    [14 * 86400 * s, '2 weeks'], [60 * 86400 * s, '2 months'], [90 * 86400 * s, '3 months'], [730 * 86400 * s, '2 years'],
  ];
  for (const [ms, text] of cases) it(`${ms}ms is ${text}`, () => assert.equal(humanDuration(ms), text));
});

describe('docker display rules', () => {
  it('shortens IDs with stringid.TruncateID', () => {
    assert.equal(truncateId('sha256:e00d1f3e68bc86021c3990a3cb4a1528a98718e9261476ef0a9175e4d9e112d7'), 'e00d1f3e68bc');
    assert.equal(truncateId('e30e2548f741404157c6e93ba7c920bab502235bf4020d906ed3d694b8f200ad'), 'e30e2548f741');
    assert.equal(truncateId('abc'), 'abc');
  });

  it('cuts with an ellipsis counting wide characters twice', () => {
    assert.equal(ellipsis("sh -c 'echo a very long command line here'", 20), "sh -c 'echo a very …");
    assert.equal(ellipsis('exactly twenty chars', 20), 'exactly twenty chars');
    assert.equal(ellipsis('提交的描述信息提交的描述信息', 20), '提交的描述信息提交…');
    assert.equal(ellipsis('ab', 1), 'a');
    assert.equal(ellipsis('ab', 0), '');
  });

  it('quotes and cuts ps COMMAND and history CREATED BY', () => {
    assert.equal(psCommand("sh -c 'echo a very long command line here'", true), '"sh -c \'echo a very …"');
    assert.equal(psCommand('/bin/sh -c /bin/bash', true), '"/bin/sh -c /bin/bash"');
    assert.equal(psCommand('echo\t"x"', false), '"echo\\t\\"x\\""');
    assert.equal(historyCreatedBy('/bin/sh -c #(nop)  ENV CATALINA_HOME=/usr/local/tomcat', true), '/bin/sh -c #(nop)  ENV CATALINA_HOME=/usr/lo…');
    assert.equal(historyCreatedBy('/bin/sh -c\tx', false), '/bin/sh -c x');
    assert.equal(psSize(31, 1985578), '31B (virtual 1.99MB)');
    assert.equal(psSize(0, 0), '0B');
  });

  it('phrases STATUS as the daemon does', () => {
    const now = 1_000_000_000;
    const st = (p: Partial<Parameters<typeof containerStatus>[0]>) =>
      containerStatus({ running: false, exitCode: 0, startedAt: null, finishedAt: null, ...p }, now);
    assert.equal(st({}), 'Created');
    assert.equal(st({ running: true, startedAt: now - 9000 }), 'Up 9 seconds');
    assert.equal(st({ running: true, startedAt: now - 300 }), 'Up Less than a second');
    assert.equal(st({ running: true, paused: true, startedAt: now - 300 }), 'Up Less than a second (Paused)');
    assert.equal(st({ startedAt: now - 90000, finishedAt: now - 65000 }), 'Exited (0) About a minute ago');
    assert.equal(st({ exitCode: 137, startedAt: now - 2000, finishedAt: now - 100 }), 'Exited (137) Less than a second ago');
    assert.equal(st({ running: true, restarting: true, exitCode: 1, startedAt: now - 9000, finishedAt: now - 2000 }), 'Restarting (1) 2 seconds ago');
    assert.equal(st({ running: true, health: 'starting', startedAt: now - 2000 }), 'Up 2 seconds (health: starting)');
    assert.equal(st({ dead: true, startedAt: 1 }), 'Dead');
    assert.equal(createdSince(now - 10_000, now), '10 seconds ago');
  });

  it('formats CREATED AT times', () => {
    const t = Date.UTC(2026, 10, 22, 21, 26, 2, 750);
    assert.equal(goUnixTimeString(t), '2026-11-22 21:26:02 +0000 UTC');
    assert.equal(rfc3339Seconds(t), '2026-11-22T21:26:02Z');
  });
});
