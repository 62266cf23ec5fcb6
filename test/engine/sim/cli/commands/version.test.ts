// `docker version --format` on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
// /usr/bin/docker).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../../src/engine/sim/node/create-sim-engine.js';

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
describe('docker version', () => {
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
