// The allow-list explains only what it names: reordered build output and stand-in rows, tags and log messages
// in another order, a real-engine timeout, and nothing when the content itself differs.

import assert from 'node:assert/strict';
import { allowedReason, type AllowContext } from '../../../src/cli/fuzz-diff/allow-list.js';
import { makeStep } from '../../../src/cli/fuzz-diff/step.js';

const ok = { exitCode: 0, stdout: '', stderr: '' };
const ctx = (family: string, sim: string, real: string, extra: Partial<AllowContext> = {}): AllowContext => ({
  steps: [makeStep(family, [family])],
  files: {},
  sim: ok,
  real: ok,
  normalized: { sim, real },
  ...extra,
});

describe('fuzz:diff allow-list', () => {
  it('allows a build whose stdout and stderr lines only interleave differently', () => {
    const sim = ' ---> Running in <ID7>\na.txt\n\\x1b[91mchmod: x\n\\x1b[0mRemoving intermediate container <ID7>\n';
    const real = ' ---> Running in <ID7>\n\\x1b[91mchmod: x\n\\x1b[0ma.txt\nRemoving intermediate container <ID7>\n';
    assert.equal(allowedReason(ctx('build', sim, real)), 'build-output-order');
    assert.equal(allowedReason(ctx('build', sim, real.replace('a.txt', 'b.txt'))), undefined);
  });

  it('allows reordered stand-in rows and other runs\u2019 <none> rows in docker images, nothing missing', () => {
    const sim = 'REPOSITORY | TAG\nubuntu | latest | <ID1>\ncentos | latest | <ID2>\n';
    assert.equal(allowedReason(ctx('images', sim, 'REPOSITORY | TAG\ncentos | latest | <ID1>\n<none> | <none> | <ID3>\nubuntu | latest | <ID2>\n')), 'shared-stand-ins');
    assert.equal(allowedReason(ctx('images', sim, 'REPOSITORY | TAG\ncentos | latest | <ID1>\n')), undefined);
    assert.equal(allowedReason(ctx('ps', sim, 'REPOSITORY | TAG\ncentos | latest | <ID1>\nubuntu | latest | <ID2>\n')), undefined);
  });

  it('allows nothing after a hard link any more (the simulator models inodes)', () => {
    const hard = [makeStep('run', ['run', 'img', 'sh', '-c', 'mkdir -p /d; ln /d/f1 /d/h1']), makeStep('exec', ['exec', 'c', 'cat', '/d/h1'])];
    assert.equal(allowedReason(ctx('exec', 'a\n', 'b\n', { steps: hard })), undefined);
  });

  it('allows RepoTags in another order (the isolation prefixes this run\u2019s names), not other tags', () => {
    const sim = '["drydock/busybox:1.35","h11c-img4:v3"] Imported from -\n';
    assert.equal(allowedReason(ctx('inspect', sim, '["h11c-img4:v3","drydock/busybox:1.35"] Imported from -\n')), 'isolation-tag-order');
    assert.equal(allowedReason(ctx('inspect', sim, '["h11c-img5:v3","drydock/busybox:1.35"] Imported from -\n')), undefined);
  });

  it('allows logs --tail picking other last messages across the two streams, not a missing message', () => {
    const steps = [makeStep('logs', ['logs', '--tail', '1', 'c'])];
    const sim = { exitCode: 0, stdout: 'x\n', stderr: '' };
    assert.equal(allowedReason(ctx('logs', 'x\n', '', { steps, sim, real: { exitCode: 0, stdout: '', stderr: 'err\n' } })), 'log-stream-order');
    assert.equal(allowedReason(ctx('logs', 'x\n', '', { steps, sim, real: { exitCode: 0, stdout: '', stderr: '' } })), undefined);
  });

  it('allows rmi deleting one layer more or less (layers of one second are one), nothing else', () => {
    const real = 'Untagged: img:v1\nDeleted: sha256:<ID9>\nDeleted: sha256:<ID7>\nDeleted: sha256:<ID3>\n';
    const sim = 'Untagged: img:v1\nDeleted: sha256:<ID9>\nDeleted: sha256:<ID7>\nDeleted: sha256:<ID11>\nDeleted: sha256:<ID3>\n';
    assert.equal(allowedReason(ctx('rmi', sim, real)), 'same-second-layers');
    assert.equal(allowedReason(ctx('rmi', sim, real.replace('img:v1', 'img:v2'))), undefined);
    assert.equal(allowedReason(ctx('images', sim, real)), undefined);
  });

  it('allows a command the real engine timed out on', () => {
    assert.equal(allowedReason(ctx('ps', '', '', { real: { exitCode: 124, stdout: '', stderr: '', timedOut: true } })), 'real-engine-timeout');
  });
});
