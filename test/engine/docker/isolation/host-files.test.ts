import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareBuildContext, rewriteDockerfile } from '../../../../src/engine/docker/isolation/build-context.js';
import { rewriteHostScript } from '../../../../src/engine/docker/isolation/host-script.js';
import { RunNames } from '../../../../src/engine/docker/isolation/run-names.js';
import { escapingBindSources, policyViolations } from '../../../../src/engine/docker/isolation/untrusted-policy.js';
import { writeFileSync } from 'node:fs';

describe('host scripts, build contexts and the untrusted policy', () => {
  it('moves a host script\'s scenario paths into the run folder, not the machine\'s programs', () => {
    assert.equal(
      rewriteHostScript('mkdir -p /myDataVolume && echo hi > /myDataVolume/x; /bin/cat /dev/null >"/etc/app.conf"', '/R'),
      'mkdir -p /R/myDataVolume && echo hi > /R/myDataVolume/x; /bin/cat /dev/null >"/R/etc/app.conf"',
    );
  });

  it('rewrites FROM and COPY --from, not stages, scratch or ARGs', () => {
    const names = new RunNames('r1', '/R');
    const text = 'FROM centos AS base\nFROM --platform=linux/amd64 tim/centos\nFROM base\nFROM scratch\nFROM ${IMG}\nCOPY --from=ubuntu /x /y\nCOPY --from=base /a /b\nRUN echo FROM centos';
    assert.equal(
      rewriteDockerfile(text, names),
      'FROM drydock/centos AS base\nFROM --platform=linux/amd64 drydock-run-r1/tim/centos\nFROM base\nFROM scratch\nFROM ${IMG}\nCOPY --from=drydock/ubuntu /x /y\nCOPY --from=base /a /b\nRUN echo FROM centos',
    );
  });

  it('copies a context and rewrites the copy, leaving the scenario\'s Dockerfile as written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-test-ctx-'));
    try {
      mkdirSync(join(dir, 'ctx'));
      writeFileSync(join(dir, 'ctx', 'Dockerfile'), 'FROM ubuntu\n');
      const copy = prepareBuildContext(join(dir, 'ctx'), undefined, join(dir, 'copy'), new RunNames('r1', dir));
      assert.deepEqual(copy, { context: join(dir, 'copy') });
      assert.equal(readFileSync(join(dir, 'copy', 'Dockerfile'), 'utf8'), 'FROM drydock/ubuntu\n');
      assert.equal(readFileSync(join(dir, 'ctx', 'Dockerfile'), 'utf8'), 'FROM ubuntu\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the host-reaching flags of a command line', () => {
    assert.deepEqual(policyViolations(['run', '--privileged', '--pid=host', '--device', '/dev/kvm', '--cap-add', 'SYS_ADMIN', 'ubuntu', 'sh', '--privileged']), [
      { flag: '--privileged', need: 'privileged' },
      { flag: '--pid=host', need: 'host-namespaces' },
      { flag: '--device /dev/kvm', need: 'devices' },
      { flag: '--cap-add SYS_ADMIN', need: 'capabilities' },
    ]);
    assert.deepEqual(policyViolations(['run', '-d', '--name', 'x', 'ubuntu']), []);
  });

  it('finds bind sources that lead out of the run folder through a symlink', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-test-bind-'));
    try {
      mkdirSync(join(dir, 'in'));
      symlinkSync('/', join(dir, 'out'));
      const argv = ['run', '-v', `${join(dir, 'in')}:/a`, '-v', `${join(dir, 'out', 'etc')}:/b`, '--mount', `type=bind,source=${join(dir, 'out')},target=/c`, 'ubuntu'];
      assert.deepEqual(escapingBindSources(argv, dir), [join(dir, 'out', 'etc'), join(dir, 'out')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
