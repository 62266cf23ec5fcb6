// docker build (--target, --label, unused build args, HEALTHCHECK's history), commit --change, logs,
// rename, run -w/-u, inspect --type and version --format, against what Docker 20.10 (client and engine
// 20.10.24, legacy builder) printed for the same commands (observed with /usr/bin/docker).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

const dir = { kind: 'dir' as const, opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 };
const text = (s: string) => ({ kind: 'file' as const, data: new TextEncoder().encode(s), mode: 0o644, uid: 0, gid: 0, mtime: 0 });

function sim(files: Record<string, string> = {}) {
  const host = new TreeBackend();
  host.put('/ctx', dir);
  for (const [name, body] of Object.entries(files)) host.put(`/ctx/${name}`, text(body));
  const e = createSimEngine({ host, cwd: '/ctx' });
  return (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
}

// step output with the IDs blanked
const steps = (out: string) => out.replace(/[0-9a-f]{12}/g, '<id>');

describe('probe fixes: docker build', () => {
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

describe('probe fixes: commit --change', () => {
  it('allows only validCommitCommands (HEALTHCHECK yes, STOPSIGNAL no), checking every change first', () => {
    const docker = sim();
    docker('create', '--network', 'none', '--name', 'ddx-c', 'drydock/busybox:1.35', 'true');
    assert.deepEqual(docker('commit', '-c', 'STOPSIGNAL 9', 'ddx-c'), ['', 'Error response from daemon: stopsignal is not a valid change command\n', 1]);
    assert.deepEqual(docker('commit', '-c', 'bogus x', 'ddx-c'), ['', 'Error response from daemon: bogus is not a valid change command\n', 1]);
    assert.deepEqual(docker('commit', '-c', 'bogus', '-c', 'ENV', 'ddx-c'), ['', 'Error response from daemon: bogus is not a valid change command\n', 1]);
    const id = docker('commit', '-c', 'HEALTHCHECK CMD true', 'ddx-c')[0].trim();
    assert.equal(docker('image', 'inspect', '-f', '{{json .Config.Healthcheck}}', id)[0], '{"Test":["CMD-SHELL","true"]}\n');
  });
});

describe('probe fixes: containers', () => {
  it('logs -t stamps each line (RFC3339NanoFixed) and --details adds a space', () => {
    const docker = sim();
    docker('run', '--network', 'none', '--name', 'ddx-l', 'drydock/busybox:1.35', 'sh', '-c', 'echo a; echo b >&2; printf c');
    const [out, err] = docker('logs', '-t', 'ddx-l');
    assert.match(out, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z a\n\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z c$/);
    assert.match(err, /^\S+Z b\n$/);
    assert.deepEqual(docker('logs', '--details', 'ddx-l').slice(0, 2), [' a\n c', ' b\n']);
    assert.match(docker('logs', '-t', '--details', 'ddx-l')[0], /^\S+Z {2}a\n/);
  });

  it('rename: empty names are the client`s error; invalid ones are shown with the daemon`s "/"', () => {
    const docker = sim();
    docker('create', '--network', 'none', '--name', 'ddx-r', 'drydock/busybox:1.35', 'true');
    assert.deepEqual(docker('rename', 'ddx-r', ''), ['', 'Error: Neither old nor new names may be empty\n', 1]);
    assert.deepEqual(docker('rename', 'ddx-r', 'bad name'), [
      '',
      'Error response from daemon: Error when allocating new name: Invalid container name (/bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\nError: failed to rename container named ddx-r\n',
      1,
    ]);
    assert.deepEqual(docker('rename', ' ddx-r ', ' ddx-r2 '), ['', '', 0]);
  });

  it('run -w needs an absolute path; an unknown -u user is the daemon`s own error (125)', () => {
    const docker = sim();
    assert.deepEqual(docker('run', '--network', 'none', '-w', 'rel', 'drydock/busybox:1.35', 'pwd'), [
      '',
      "docker: Error response from daemon: the working directory 'rel' is invalid, it needs to be an absolute path.\nSee 'docker run --help'.\n",
      125,
    ]);
    const [out, err, code] = docker('run', '--network', 'none', '--name', 'ddx-r', '-u', 'nosuch', 'drydock/busybox:1.35', 'id');
    assert.deepEqual([out, code], ['', 125]);
    // the client then logs the wait it gave up (on 20.10 this line is a race; it came every time here)
    assert.match(String(err), /^docker: Error response from daemon: unable to find user nosuch: no matching entries in passwd file\.\ntime="[^"]+" level=error msg="error waiting for container: context canceled"\n$/);
    // the container stays created, with the daemon's 128 and the error
    assert.deepEqual(docker('inspect', '-f', '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}', 'ddx-r'), ['created 128 unable to find user nosuch: no matching entries in passwd file\n', '', 0]);
    docker('create', '--network', 'none', '--name', 'ddx-u', '-u', 'nosuch', 'drydock/busybox:1.35', 'id');
    assert.deepEqual(docker('start', 'ddx-u'), ['', 'Error response from daemon: unable to find user nosuch: no matching entries in passwd file\nError: failed to start containers: ddx-u\n', 1]);
  });

  it('inspect --type takes only the client`s types', () => {
    const docker = sim();
    assert.deepEqual(docker('inspect', '--type', 'bogus', 'x'), ['', '"bogus" is not a valid value for --type\n', 1]);
    assert.deepEqual(docker('inspect', '--type', 'network', 'x'), ['[]\n', 'Error: No such network: x\n', 1]);
  });

  it('version --format sees the client`s Go structs', () => {
    const docker = sim();
    assert.deepEqual(docker('version', '--format', '{{.Client.APIVersion}} {{.Server.APIVersion}} {{.Client.Platform.Name}}|'), ['1.41 1.41 |\n', '', 0]);
    assert.deepEqual(docker('version', '--format', '{{.Client.ApiVersion}}'), [
      '',
      'template: version:1:9: executing "version" at <.Client.ApiVersion>: can\'t evaluate field ApiVersion in type system.clientVersion\n',
      1,
    ]);
    assert.match(docker('version', '--format', '{{json .Client}}')[0], /^\{"Platform":\{"Name":""\},"Version":"20\.10\.24\+dfsg1","ApiVersion":"1\.41","DefaultAPIVersion":"1\.41",/);
  });
});
