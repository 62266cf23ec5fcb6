// `docker build` on the simulator (--target, --label, unused build args, HEALTHCHECK's history) against what Docker
// 20.10 (client and engine 20.10.24, legacy builder) printed for the same commands (observed with /usr/bin/docker).

import assert from 'node:assert/strict';
import { sim } from './sim-with-context.js';

// step output with the IDs blanked
const steps = (out: string) => out.replace(/[0-9a-f]{12}/g, '<id>');

describe('docker build', () => {
  const multi = { Dockerfile: 'FROM drydock/busybox:1.35 AS a\nFROM a AS b\nRUN true\nFROM drydock/busybox:1.35\n' };

  it('--target stops after the named stage (any case), and --label adds LABEL steps to the last stage', () => {
    const docker = sim(multi);
    const [out, , code] = docker('build', '-t', 'ddx-t', '--target', 'A', '--label', 'X=1', '.');
    assert.equal(code, 0);
    assert.equal(
      steps(out).replace(/^Sending[^\n]*\n/, ''),
      'Step 1/2 : FROM drydock/busybox:1.35 AS a\n ---> <id>\nStep 2/2 : LABEL X=1\n ---> Running in <id>\nRemoving intermediate container <id>\n ---> <id>\nSuccessfully built <id>\nSuccessfully tagged ddx-t:latest\n',
    );
    assert.equal(docker('history', '--format', '{{.CreatedBy}}', 'ddx-t')[0].split('\n')[0], '/bin/sh -c #(nop)  LABEL X=1');
  });

  it('refuses a target no stage has', () => {
    const docker = sim(multi);
    const [out, err, code] = docker('build', '-t', 'ddx-t', '--target', 'nosuch', '.');
    assert.match(out, /^Sending build context to Docker daemon/);
    assert.deepEqual([err, code], ['Error response from daemon: failed to reach build target nosuch in Dockerfile\n', 1]);
  });

  it('labels come sorted, after the Dockerfile`s steps, then the unused build args warning', () => {
    const docker = sim({ Dockerfile: 'ARG M=1\nFROM drydock/busybox:1.35\nARG Y\nRUN echo $Y\n' });
    const [out, , code] = docker('build', '-t', 'ddx-l', '--build-arg', 'M=2', '--build-arg', 'Y=3', '--build-arg', 'Z=4', '--build-arg', 'HTTP_PROXY=x', '--label', 'L=1', '--label', 'K=2', '.');
    assert.equal(code, 0);
    const tail = steps(out).split('\n').slice(-12, -2).join('\n');
    assert.equal(
      tail,
      'Step 5/6 : LABEL K=2\n ---> Running in <id>\nRemoving intermediate container <id>\n ---> <id>\nStep 6/6 : LABEL L=1\n ---> Running in <id>\nRemoving intermediate container <id>\n ---> <id>\n[Warning] One or more build-args [Z] were not consumed\nSuccessfully built <id>',
    );
    assert.equal(docker('image', 'inspect', '-f', '{{json .Config.Labels}}', 'ddx-l')[0], '{"K":"2","L":"1"}\n');
    // -q prints only the ID
    assert.match(docker('build', '-q', '--build-arg', 'Z=4', '.')[0], /^sha256:[0-9a-f]{64}\n$/);
  });

  it('writes HEALTHCHECK`s history as %q of the health config', () => {
    const docker = sim({ Dockerfile: 'FROM drydock/busybox:1.35\nHEALTHCHECK --interval=5s --retries=2 CMD ["true"]\n', 'Dockerfile.none': 'FROM drydock/busybox:1.35\nHEALTHCHECK NONE\n' });
    docker('build', '-t', 'ddx-h', '.');
    assert.equal(docker('history', '--no-trunc', '--format', '{{.CreatedBy}}', 'ddx-h')[0].split('\n')[0], `/bin/sh -c #(nop)  HEALTHCHECK &{["CMD" "true"] "5s" "0s" "0s" '\\x02'}`);
    docker('build', '-t', 'ddx-h2', '-f', 'Dockerfile.none', '.');
    assert.equal(docker('history', '--no-trunc', '--format', '{{.CreatedBy}}', 'ddx-h2')[0].split('\n')[0], `/bin/sh -c #(nop)  HEALTHCHECK &{["NONE"] "0s" "0s" "0s" '\\x00'}`);
  });
});
