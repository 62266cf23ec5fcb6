import assert from 'node:assert/strict';
import { planTranscript } from './command-plan.js';
import type { Transcript } from './reference-transcripts.js';

const t = (command: string, extra: Partial<Transcript> = {}): Transcript => ({
  section: '9.9', line: 1, command, comment: null, stdout: '', stderr: '', exitCode: 0, notes: [], elided: false, cutOff: false, origin: 'transcript', ...extra,
});

describe('command plans', () => {
  it('replays docker commands, with substitutions and emulated filters', () => {
    assert.equal(planTranscript(t('docker ps -a')).kind, 'docker');
    const p = planTranscript(t('docker volume ls -q | grep -c -e 1a7a0d57b9f1… -e 737f6da5d0a0…'));
    assert.ok(p.kind === 'docker' && p.filters.length === 1);
    const s = planTranscript(t('docker rm -f $(docker ps -q --filter name=x)'));
    assert.ok(s.kind === 'docker' && s.argv[2]!.kind === 'subst');
    assert.equal(planTranscript(t('docker run -v <HOSTDIR>/a:/b x')).kind, 'docker');
  });

  it('runs host commands on the sandbox host and treats `cat …Dockerfile` as an input file', () => {
    assert.deepEqual(planTranscript(t('echo x > <HOSTDIR>/f')), { kind: 'host', script: 'echo x > <HOSTDIR>/f' });
    assert.deepEqual(planTranscript(t('cat unknown1/Dockerfile')), { kind: 'input', path: 'unknown1/Dockerfile' });
  });

  it('skips what cannot run offline, with the reason', () => {
    const reason = (cmd: string, extra: Partial<Transcript> = {}) => {
      const p = planTranscript(t(cmd, extra));
      return p.kind === 'skip' ? p.reason : p.kind;
    };
    assert.equal(reason('(sleep 1; printf x) | script -qfec "docker run -it x" /dev/null | cat -v'), 'tty');
    assert.equal(reason('cd /var/lib/docker/overlay2/x/diff && find .'), 'daemon-storage');
    assert.equal(reason('uname -r'), 'host-kernel');
    assert.equal(reason("jq -c '.[0]' <HOSTDIR>/m.json"), 'host-tools');
    assert.equal(reason('docker run --rm x cv-gnu bash'), 'gnu-fixture');
    assert.equal(reason('docker run x', { stderr: 'Get "https://registry-1.docker.io/v2/": dial tcp' }), 'registry');
    assert.equal(reason('docker ps', { comment: '(excerpt)' }), 'excerpt');
    assert.equal(reason(''), 'no-command');
  });
});
