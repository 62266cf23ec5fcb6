// `docker version` and `docker info`: the simulated engine answers as Docker 20.10 (API 1.41) and says in both
// that it is drydock's simulator, so nobody mistakes it for a daemon.

import type { Daemon } from '../../daemon.js';
import { DOCKER_VERSION } from '../../image/image.js';
import { isRunning } from '../../container/container.js';
import { renderGoTemplate, TemplateError } from '../format/go-template.js';
import { goMap, goSlice, goStruct } from '../format/go-value.js';
import { flagString, Output, type ParsedCommand } from '../command-io.js';

/** `docker version`. */
export function version(_daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  // the CLI's versionInfo{Client clientVersion; Server *types.Version}: Go structs, so `.Client.APIVersion`
  // works and `.Client.ApiVersion` (the JSON key) is an error, as on the 20.10 client
  const platform = (name: string) => goStruct('struct { Name string }', { Name: name });
  const apiName = { jsonNames: { APIVersion: 'ApiVersion' } };
  const client = goStruct(
    'system.clientVersion',
    { Platform: platform(''), Version: DOCKER_VERSION, APIVersion: '1.41', DefaultAPIVersion: '1.41', GitCommit: '297e128', GoVersion: 'go1.19.8', Os: 'linux', Arch: 'amd64', BuildTime: 'Thu May  7 21:09:36 2026', Context: 'default', Experimental: true },
    apiName,
  );
  const engine = goStruct('types.ComponentVersion', {
    Name: 'Engine',
    Version: DOCKER_VERSION,
    Details: goMap({ ApiVersion: '1.41', Arch: 'amd64', Experimental: 'false', GitCommit: '5d6db84', GoVersion: 'go1.19.8', MinAPIVersion: '1.12', Os: 'linux' }, 'map[string]string', ''),
  });
  const server = goStruct(
    'types.Version',
    { Platform: platform('drydock simulator'), Components: goSlice([engine], '[]types.ComponentVersion'), Version: DOCKER_VERSION, APIVersion: '1.41', MinAPIVersion: '1.12', GitCommit: '5d6db84', GoVersion: 'go1.19.8', Os: 'linux', Arch: 'amd64', KernelVersion: '', Experimental: false, BuildTime: '' },
    { ...apiName, jsonOmit: ['Experimental', 'BuildTime'] },
  );
  const data = goStruct('system.versionInfo', { Client: client, Server: server });
  const format = flagString(cmd, 'format');
  if (format) return template(out, format, data, 'version');
  return out.out(
    `Client:\n Version:           ${DOCKER_VERSION}\n API version:       1.41\n Go version:        go1.19.8\n Git commit:        297e128\n OS/Arch:           linux/amd64\n Context:           default\n Experimental:      true\n\nServer: drydock simulator\n Engine:\n  Version:          ${DOCKER_VERSION}\n  API version:      1.41 (minimum version 1.12)\n  OS/Arch:          linux/amd64\n`,
  );
}

/** `docker info`. */
export function info(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const all = [...daemon.containers.values()];
  const running = all.filter((c) => c.state.status === 'running').length;
  const paused = all.filter((c) => c.state.status === 'paused').length;
  const data = {
    ID: 'DRYDOCK:SIMULATOR',
    Containers: all.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: all.filter((c) => !isRunning(c)).length,
    Images: daemon.images.all().length,
    Driver: 'overlay2',
    DriverStatus: [['Backing Filesystem', 'drydock (in memory)']],
    Name: 'drydock-simulator',
    ServerVersion: DOCKER_VERSION,
    OperatingSystem: 'drydock simulator',
    OSType: 'linux',
    Architecture: 'x86_64',
    SecurityOptions: ['name=seccomp,profile=default'],
    Warnings: null,
  };
  const format = flagString(cmd, 'format');
  if (format) return template(out, format, data);
  return out.out(
    `Client:\n Context:    default\n Debug Mode: false\n\nServer:\n Containers: ${data.Containers}\n  Running: ${running}\n  Paused: ${paused}\n  Stopped: ${data.ContainersStopped}\n Images: ${data.Images}\n Server Version: ${DOCKER_VERSION}\n Storage Driver: overlay2\n Operating System: drydock simulator (in-memory, no network)\n OSType: linux\n Architecture: x86_64\n Name: drydock-simulator\n`,
  );
}

function template(out: Output, format: string, data: unknown, name = ''): Output {
  try {
    return out.out(`${renderGoTemplate(format, data, { name })}\n`);
  } catch (error) {
    if (error instanceof TemplateError) return out.err(`${error.message}\n`, 1);
    throw error;
  }
}
