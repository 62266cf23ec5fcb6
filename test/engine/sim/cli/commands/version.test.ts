// `docker version --format` on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
// /usr/bin/docker).

import assert from 'node:assert/strict';
import { sim } from './sim-with-context.js';

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
